/* Runs the host's real setuid-root tools (su, passwd, newgrp are bound in with /usr) and
 * checks that none of them ran anything as root. */
#include "attack.h"
#include <sys/wait.h>

static int run(char *const argv[]) {
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        execv(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    printf("%s exited with %#x\n", argv[0], status);
    return status;
}

int main(void) {
    char *su[] = {"/usr/bin/su", "root", "-c", "id -u > /box/pwned-su", NULL};
    char *newgrp[] = {"/usr/bin/newgrp", "root", NULL};
    char *passwd[] = {"/usr/bin/passwd", "-d", "root", NULL};
    run(su);
    run(newgrp);
    run(passwd);
    struct stat st;
    TRY("su ran a command as root", stat("/box/pwned-su", &st), ENOENT);
    return verdict();
}
