#include <string>
using namespace std;

class Solution {
public:
    long long longestStretch(string stalls, long long kinds) {
        int count[26] = {0};
        long long distinct = 0, best = 0;
        int left = 0, n = stalls.size();
        for (int right = 0; right < n; right++) {
            if (count[stalls[right] - 'a']++ == 0) distinct++;
            while (distinct > kinds) {
                if (--count[stalls[left] - 'a'] == 0) distinct--;
                left++;
            }
            if (right - left + 1 > best) best = right - left + 1;
        }
        return best;
    }
};
