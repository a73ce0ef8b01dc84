import java.util.ArrayList;
import java.util.List;

/** Fills a heap allowed to grow far past the box's memory limit: the cgroup must end it. */
public class MemBomb {
    public static void main(String[] args) {
        System.out.println("allocating");
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            long[] block = new long[1 << 17];
            block[block.length - 1] = hoard.size();
            hoard.add(block);
        }
    }
}
