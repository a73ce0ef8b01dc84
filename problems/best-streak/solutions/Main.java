import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        StreamTokenizer st = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        st.resetSyntax();
        st.wordChars('-', '-');
        st.wordChars('0', '9');
        st.whitespaceChars(0, ' ');
        st.nextToken();
        int n = Integer.parseInt(st.sval);
        long best = 0, ending = 0;
        for (int i = 0; i < n; i++) {
            st.nextToken();
            long x = Long.parseLong(st.sval);
            ending = (i == 0 || ending < 0) ? x : ending + x;
            best = (i == 0) ? ending : Math.max(best, ending);
        }
        System.out.println(best);
    }
}
