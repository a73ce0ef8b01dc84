/* Opens descriptors until the limit (argv[1]) says no; the run must still end normally. */
#include "attack.h"

int main(int argc, char **argv) {
    long limit = argc > 1 ? atol(argv[1]) : 0;
    long opened = 0;
    int err = 0;
    for (;;) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd < 0) {
            err = errno;
            break;
        }
        if (++opened > 1000000) {
            break;
        }
    }
    printf("opened %ld descriptors, then %s (limit %ld)\n", opened, strerrorname_np(err), limit);
    TRY("dup2 past the limit", dup2(0, (int)limit + 10), EBADF);
    int code = verdict();
    if (err != EMFILE || opened >= limit) {
        code = 1;
    }
    return code;
}
