/* The payload's parent is the box's init (PID 1): killing it must fail and the box must still
 * report the run. */
#include "attack.h"
#include <signal.h>

int main(void) {
    pid_t parent = getppid();
    printf("parent pid %d\n", parent);
    TRY("kill(getppid(), SIGKILL)", kill(parent, SIGKILL), EPERM);
    TRY("kill(getppid(), SIGTERM)", kill(parent, SIGTERM), EPERM);
    TRY("kill(getppid(), SIGSTOP)", kill(parent, SIGSTOP), EPERM);
    TRY("kill(1, SIGSEGV)", kill(1, SIGSEGV), EPERM);
    int code = verdict();
    if (parent != 1) {
        puts("odd: the parent is not init");
        code = 2;
    }
    return code;
}
