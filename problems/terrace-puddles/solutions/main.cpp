#include <vector>
using namespace std;

class Solution {
public:
    long long puddleVolume(vector<long long>& heights) {
        long long left = 0, right = (long long)heights.size() - 1;
        long long leftMax = 0, rightMax = 0, water = 0;
        while (left <= right) {
            if (leftMax <= rightMax) {
                long long h = heights[left++];
                if (h > leftMax) leftMax = h; else water += leftMax - h;
            } else {
                long long h = heights[right--];
                if (h > rightMax) rightMax = h; else water += rightMax - h;
            }
        }
        return water;
    }
};
