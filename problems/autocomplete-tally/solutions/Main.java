class Solution {
    private static final class Node {
        final Node[] next = new Node[26];
        long passing;
    }

    public long[] tallyMatches(String[] titles, String[] typed) {
        Node root = new Node();
        for (String title : titles) {
            Node node = root;
            node.passing++;
            for (int i = 0; i < title.length(); i++) {
                int letter = title.charAt(i) - 'a';
                if (node.next[letter] == null) {
                    node.next[letter] = new Node();
                }
                node = node.next[letter];
                node.passing++;
            }
        }
        long[] answers = new long[typed.length];
        for (int j = 0; j < typed.length; j++) {
            Node node = root;
            String text = typed[j];
            for (int i = 0; i < text.length() && node != null; i++) {
                node = node.next[text.charAt(i) - 'a'];
            }
            answers[j] = node == null ? 0 : node.passing;
        }
        return answers;
    }
}
