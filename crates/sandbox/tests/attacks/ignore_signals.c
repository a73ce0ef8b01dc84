/* Ignores or blocks every signal it can (SIGXCPU from RLIMIT_CPU included) and spins: the
 * time limit must still end it. */
#include "attack.h"
#include <signal.h>

int main(void) {
    for (int sig = 1; sig < NSIG; sig++) {
        signal(sig, SIG_IGN);
    }
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    puts("every signal ignored and blocked; spinning");
    fflush(stdout);
    for (volatile unsigned long i = 0;; i++) {
    }
}
