#include <string>
using namespace std;

class Solution {
public:
    long long longestMirror(string strand) {
        int n = strand.size();
        int best = 0;
        for (int centre = 0; centre < 2 * n - 1; centre++) {
            int left = centre / 2, right = left + (centre & 1);
            while (left >= 0 && right < n && strand[left] == strand[right]) {
                left--;
                right++;
            }
            if (right - left - 1 > best) best = right - left - 1;
        }
        return best;
    }
};
