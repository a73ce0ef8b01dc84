class Solution {
    public long repairCost(String typed, String intended) {
        int n = typed.length();
        int m = intended.length();
        long[] previous = new long[m + 1];
        long[] current = new long[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            char letter = typed.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                if (letter == intended.charAt(j - 1)) {
                    current[j] = previous[j - 1];
                } else {
                    current[j] = 1 + Math.min(previous[j - 1], Math.min(previous[j], current[j - 1]));
                }
            }
            long[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }
}
