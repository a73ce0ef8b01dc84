#include <queue>
#include <string>
#include <unordered_map>
#include <vector>
using namespace std;

class Solution {
public:
    vector<string> trendingTags(vector<string>& tags, long long k) {
        unordered_map<string, long long> counts;
        for (const string& t : tags) counts[t]++;
        // "a ranks better than b": higher count, then alphabetically smaller.
        auto better = [](const pair<long long, string>& a, const pair<long long, string>& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        };
        // With `better` as the comparator the top of the heap is the worst-ranked entry.
        priority_queue<pair<long long, string>, vector<pair<long long, string>>, decltype(better)> heap(better);
        for (auto& [t, c] : counts) {
            heap.push({c, t});
            if ((long long)heap.size() > k) heap.pop();
        }
        vector<string> result;
        while (!heap.empty()) {
            result.push_back(heap.top().second);
            heap.pop();
        }
        return vector<string>(result.rbegin(), result.rend());
    }
};
