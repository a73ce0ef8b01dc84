#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>
using namespace std;

class Solution {
public:
    vector<vector<string>> groupScrambles(vector<string>& words) {
        unordered_map<string, int> index;
        vector<vector<string>> clubs;
        for (const string& w : words) {
            string key = w;
            sort(key.begin(), key.end());
            auto it = index.find(key);
            if (it == index.end()) {
                index.emplace(key, clubs.size());
                clubs.push_back({w});
            } else {
                clubs[it->second].push_back(w);
            }
        }
        for (auto& club : clubs) sort(club.begin(), club.end());
        return clubs;
    }
};
