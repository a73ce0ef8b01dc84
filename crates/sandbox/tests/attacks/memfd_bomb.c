/* An anonymous in-memory file: no path, no process owns its pages once mapped and closed. */
#include "attack.h"
#include <sys/mman.h>

int main(void) {
    int fd = memfd_create("bomb", 0);
    if (fd < 0) {
        printf("memfd_create failed: %s\n", strerrorname_np(errno));
        return 3;
    }
    static char chunk[1 << 20];
    memset(chunk, 0x5a, sizeof chunk);
    puts("filling a memfd");
    fflush(stdout);
    for (long mib = 0; mib < 4096; mib++) {
        if (write(fd, chunk, sizeof chunk) != (ssize_t)sizeof chunk) {
            printf("write failed after %ld MiB: %s\n", mib, strerrorname_np(errno));
            return 3;
        }
    }
    puts("ESCAPED wrote 4 GiB into a memfd");
    return 1;
}
