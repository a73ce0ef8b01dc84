/* Writes to a stream without end (argv[1]: "stdout" or "stderr"; argv[2], if given, the number
 * of MiB after which it stops and exits 0). */
#include "attack.h"

int main(int argc, char **argv) {
    int fd = argc > 1 && strcmp(argv[1], "stderr") == 0 ? 2 : 1;
    long stop_mib = argc > 2 ? atol(argv[2]) : -1;
    static char chunk[1 << 16];
    memset(chunk, 'x', sizeof chunk);
    for (long written = 0; stop_mib < 0 || written < stop_mib << 20; written += sizeof chunk) {
        if (write(fd, chunk, sizeof chunk) < 0) {
            printf("write failed: %s\n", strerrorname_np(errno));
            return 3;
        }
    }
    puts("done");
    return 0;
}
