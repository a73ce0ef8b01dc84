#include <vector>
using namespace std;

class Solution {
public:
    vector<long long> bypassGains(vector<long long>& gains) {
        int n = gains.size();
        vector<long long> result(n, 1);
        long long prefix = 1;
        for (int i = 0; i < n; i++) {
            result[i] = prefix;
            prefix *= gains[i];
        }
        long long suffix = 1;
        for (int i = n - 1; i >= 0; i--) {
            result[i] *= suffix;
            suffix *= gains[i];
        }
        return result;
    }
};
