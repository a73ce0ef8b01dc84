class Solution {
    public boolean canCross(long[] stones) {
        long far = 0;
        for (int i = 0; i < stones.length; i++) {
            if (i > far) return false;
            far = Math.max(far, i + stones[i]);
        }
        return true;
    }
}
