/* The classic: every process forks forever. The pids limit caps the tree and the CPU limit
 * ends it; the host must stay responsive and nothing may survive the run. */
#include "attack.h"

int main(void) {
    puts("fork bomb: forking forever");
    fflush(stdout);
    for (;;) {
        fork();
    }
}
