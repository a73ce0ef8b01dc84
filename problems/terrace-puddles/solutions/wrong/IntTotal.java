// Right method, but the running total is a 32-bit int: it wraps around once the row holds more
// than 2^31 - 1 units of water.
class Solution {
    public long puddleVolume(long[] heights) {
        int left = 0, right = heights.length - 1;
        int leftMax = 0, rightMax = 0;
        int water = 0;
        while (left <= right) {
            if (leftMax <= rightMax) {
                int h = (int) heights[left++];
                if (h > leftMax) leftMax = h; else water += leftMax - h;
            } else {
                int h = (int) heights[right--];
                if (h > rightMax) rightMax = h; else water += rightMax - h;
            }
        }
        return water;
    }
}
