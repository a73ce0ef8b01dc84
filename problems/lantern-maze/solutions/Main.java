import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        StringTokenizer first = new StringTokenizer(in.readLine());
        int rows = Integer.parseInt(first.nextToken());
        int cols = Integer.parseInt(first.nextToken());
        int width = cols + 2;
        // A border of rock around the map removes the bounds checks.
        char[] cells = new char[width * (rows + 2)];
        Arrays.fill(cells, '#');
        int start = -1, goal = -1;
        for (int r = 0; r < rows; r++) {
            String line = in.readLine().trim();
            for (int c = 0; c < cols; c++) {
                int at = (r + 1) * width + c + 1;
                cells[at] = line.charAt(c);
                if (cells[at] == 'S') start = at;
                if (cells[at] == 'E') goal = at;
            }
        }
        int[] dist = new int[cells.length];
        Arrays.fill(dist, -1);
        int[] queue = new int[cells.length];
        int head = 0, tail = 0;
        dist[start] = 0;
        queue[tail++] = start;
        int[] steps = {1, -1, width, -width};
        while (head < tail && dist[goal] < 0) {
            int here = queue[head++];
            for (int step : steps) {
                int there = here + step;
                if (cells[there] != '#' && dist[there] < 0) {
                    dist[there] = dist[here] + 1;
                    queue[tail++] = there;
                }
            }
        }
        System.out.println(dist[goal]);
    }
}
