import java.util.HashMap;

class Solution {
    public long[] balancingPair(long[] weights, long target) {
        HashMap<Long, Integer> seen = new HashMap<>(weights.length * 2);
        for (int j = 0; j < weights.length; j++) {
            Integer i = seen.get(target - weights[j]);
            if (i != null) return new long[] {i, j};
            seen.putIfAbsent(weights[j], j);
        }
        return new long[0];
    }
}
