#include <vector>
using namespace std;

class Solution {
public:
    bool canCross(vector<long long>& stones) {
        long long far = 0, last = (long long)stones.size() - 1;
        for (long long i = 0; i <= last; i++) {
            if (i > far) return false;
            if (i + stones[i] > far) far = i + stones[i];
        }
        return far >= last;
    }
};
