/* Fills a directory (argv[1]) with a file until the file system says no. argv[2] is the cap
 * in MiB: the write must stop with ENOSPC at or before it, not run into the host's disk. */
#include "attack.h"

int main(int argc, char **argv) {
    if (argc < 3) {
        return 3;
    }
    long cap_mib = atol(argv[2]);
    char path[4096];
    snprintf(path, sizeof path, "%s/fill", argv[1]);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        printf("open %s failed: %s\n", path, strerrorname_np(errno));
        return 3;
    }
    static char chunk[1 << 16];
    memset(chunk, 'f', sizeof chunk);
    long total = 0;
    int err = 0;
    for (;;) {
        ssize_t n = write(fd, chunk, sizeof chunk);
        if (n <= 0) {
            err = errno;
            break;
        }
        total += n;
    }
    printf("%s: wrote %ld bytes, then %s (cap %ld MiB)\n", argv[1], total, strerrorname_np(err),
           cap_mib);
    return err == ENOSPC && total <= cap_mib << 20 ? 0 : 1;
}
