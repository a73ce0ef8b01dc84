class Solution {
    public long[] bypassGains(long[] gains) {
        int n = gains.length;
        long[] result = new long[n];
        long prefix = 1;
        for (int i = 0; i < n; i++) {
            result[i] = prefix;
            prefix *= gains[i];
        }
        long suffix = 1;
        for (int i = n - 1; i >= 0; i--) {
            result[i] *= suffix;
            suffix *= gains[i];
        }
        return result;
    }
}
