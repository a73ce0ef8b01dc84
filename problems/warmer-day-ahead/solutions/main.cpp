#include <vector>
using namespace std;

class Solution {
public:
    vector<long long> daysUntilWarmer(vector<long long>& temps) {
        int n = temps.size();
        vector<long long> wait(n, 0);
        vector<int> waiting;
        for (int i = 0; i < n; i++) {
            while (!waiting.empty() && temps[waiting.back()] < temps[i]) {
                wait[waiting.back()] = i - waiting.back();
                waiting.pop_back();
            }
            waiting.push_back(i);
        }
        return wait;
    }
};
