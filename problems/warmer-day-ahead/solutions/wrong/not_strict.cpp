#include <vector>
using namespace std;

// Pops on "at least as warm" instead of "strictly warmer": an equally cold day is taken for a
// warmer one.
class Solution {
public:
    vector<long long> daysUntilWarmer(vector<long long>& temps) {
        int n = temps.size();
        vector<long long> wait(n, 0);
        vector<int> waiting;
        for (int i = 0; i < n; i++) {
            while (!waiting.empty() && temps[waiting.back()] <= temps[i]) {
                wait[waiting.back()] = i - waiting.back();
                waiting.pop_back();
            }
            waiting.push_back(i);
        }
        return wait;
    }
};
