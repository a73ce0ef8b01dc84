import java.util.*;

class Solution {
    public long[] pairWithSum(long[] nums, long target) {
        Map<Long, Integer> seen = new HashMap<>();
        for (int j = 0; j < nums.length; j++) {
            Integer i = seen.get(target - nums[j]);
            if (i != null) return new long[] {i, j};
            seen.putIfAbsent(nums[j], j);
        }
        return new long[0];
    }
}
