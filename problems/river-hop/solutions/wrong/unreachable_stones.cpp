#include <algorithm>
#include <vector>
using namespace std;

// Takes the longest hop of every stone, even stones the hiker can never stand on.
class Solution {
public:
    bool canCross(vector<long long>& stones) {
        long long far = 0, last = (long long)stones.size() - 1;
        for (long long i = 0; i <= last; i++) far = max(far, i + stones[i]);
        return far >= last;
    }
};
