/* Leaves processes behind: a double-forked, setsid, signal-ignoring daemon and a nohup'd
 * child, all busy touching a file, while the main process exits at once with 0. */
#include "attack.h"
#include <signal.h>

static void keep_busy(const char *path) {
    for (int sig = 1; sig < NSIG; sig++) {
        signal(sig, SIG_IGN);
    }
    for (;;) {
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            close(fd);
        }
        usleep(10000);
    }
}

int main(void) {
    /* Double fork: the grandchild is orphaned and reparented to init. */
    if (fork() == 0) {
        setsid();
        if (fork() == 0) {
            keep_busy("/box/daemon-alive");
        }
        _exit(0);
    }
    /* nohup-style: SIGHUP ignored, own process group, stdout still open. */
    if (fork() == 0) {
        setpgid(0, 0);
        signal(SIGHUP, SIG_IGN);
        printf("nohup child %d keeps running\n", getpid());
        fflush(stdout);
        keep_busy("/tmp/nohup-alive");
    }
    usleep(50000);
    printf("uid %u: main exits, leaving its daemons behind\n", getuid());
    return 0;
}
