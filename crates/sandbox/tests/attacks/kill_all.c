/* kill(-1, SIGKILL) reaches every process the caller may signal. In the box that is the box's
 * own processes (a child is started to prove the signal went out), never the host's. */
#include "attack.h"
#include <signal.h>
#include <sys/wait.h>

int main(void) {
    printf("uid %u\n", getuid());
    pid_t child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    long rc = kill(-1, SIGKILL);
    printf("kill(-1, SIGKILL) returned %ld (%s)\n", rc, rc ? strerrorname_np(errno) : "ok");
    int status = 0;
    waitpid(child, &status, 0);
    int reached_child = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    printf("own child %s\n", reached_child ? "was killed" : "survived");
    /* The caller itself is spared by kill(-1): still here, and the box reports normally. */
    return reached_child ? 0 : 2;
}
