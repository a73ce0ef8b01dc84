#include <array>
#include <string>
#include <vector>

class Solution {
public:
    vector<long long> tallyMatches(vector<string>& titles, vector<string>& typed) {
        // Node 0 is the root; child[node][letter] == 0 means "no child".
        vector<std::array<int, 26>> child(1);
        vector<long long> passing(1, 0);
        child[0].fill(0);
        for (const string& title : titles) {
            int node = 0;
            passing[0]++;
            for (char c : title) {
                int letter = c - 'a';
                if (child[node][letter] == 0) {
                    child[node][letter] = (int)child.size();
                    child.emplace_back();
                    child.back().fill(0);
                    passing.push_back(0);
                }
                node = child[node][letter];
                passing[node]++;
            }
        }
        vector<long long> answers;
        answers.reserve(typed.size());
        for (const string& text : typed) {
            int node = 0;
            for (char c : text) {
                node = child[node][c - 'a'];
                if (node == 0) break;
            }
            answers.push_back(node == 0 && !text.empty() ? 0 : passing[node]);
        }
        return answers;
    }
};
