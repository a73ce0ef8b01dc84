// Compares every logged string with every title.
#include <string>
#include <vector>

class Solution {
public:
    vector<long long> tallyMatches(vector<string>& titles, vector<string>& typed) {
        vector<long long> answers;
        for (const string& text : typed) {
            long long count = 0;
            for (const string& title : titles) {
                if (title.compare(0, text.size(), text) == 0) count++;
            }
            answers.push_back(count);
        }
        return answers;
    }
};
