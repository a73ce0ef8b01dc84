/* Forks sleeping children until fork fails and reports how many it got. argv[1] is the
 * process limit of the run: the main process and limit - 1 children fit, and no more. */
#include "attack.h"
#include <signal.h>

int main(int argc, char **argv) {
    long limit = argc > 1 ? atol(argv[1]) : 0;
    long children = 0;
    int err = 0;
    for (;;) {
        pid_t pid = fork();
        if (pid < 0) {
            err = errno;
            break;
        }
        if (pid == 0) {
            pause();
            _exit(0);
        }
        if (++children > 100000) {
            break;
        }
    }
    printf("forked %ld children before %s (limit %ld)\n", children, strerrorname_np(err), limit);
    /* The children stay behind on purpose: the box must clean them up. */
    if (children >= limit) {
        puts("ESCAPED the process limit did not hold");
        return 1;
    }
    return children == limit - 1 && err == EAGAIN ? 0 : 2;
}
