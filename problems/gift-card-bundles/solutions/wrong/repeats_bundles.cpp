// Forgets that equal cards are interchangeable: the same bundle is listed once per choice of
// physical cards.
#include <algorithm>
#include <vector>

class Solution {
    vector<long long> sorted;
    vector<long long> chosen;
    vector<vector<long long>> bundles;

    void extend(size_t start, long long missing) {
        if (missing == 0) {
            bundles.push_back(chosen);
            return;
        }
        for (size_t i = start; i < sorted.size(); i++) {
            if (sorted[i] > missing) break;
            chosen.push_back(sorted[i]);
            extend(i + 1, missing - sorted[i]);
            chosen.pop_back();
        }
    }

public:
    vector<vector<long long>> exactBundles(vector<long long>& cards, long long target) {
        sorted = cards;
        std::sort(sorted.begin(), sorted.end());
        chosen.clear();
        bundles.clear();
        extend(0, target);
        return bundles;
    }
};
