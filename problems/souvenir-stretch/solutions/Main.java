class Solution {
    public long longestStretch(String stalls, long kinds) {
        int[] count = new int[26];
        int distinct = 0, left = 0, best = 0;
        for (int right = 0; right < stalls.length(); right++) {
            if (count[stalls.charAt(right) - 'a']++ == 0) distinct++;
            while (distinct > kinds) {
                if (--count[stalls.charAt(left) - 'a'] == 0) distinct--;
                left++;
            }
            best = Math.max(best, right - left + 1);
        }
        return best;
    }
}
