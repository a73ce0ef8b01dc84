/* New namespaces are the first step of most container escapes: user namespaces above all. */
#define _GNU_SOURCE
#include "attack.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

static long raw_clone(unsigned long flags) {
    long pid = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) {
        _exit(0);
    }
    if (pid > 0) {
        waitpid(pid, NULL, 0);
    }
    return pid;
}

/* clone3 takes its flags in memory, where a seccomp filter cannot look: the filter refuses
 * the whole call (ENOSYS, so that libc falls back to clone). */
static long raw_clone3(unsigned long long flags) {
    unsigned long long args[11] = {0};
    args[0] = flags;   /* flags */
    args[4] = SIGCHLD; /* exit_signal */
    long pid = syscall(SYS_clone3, args, sizeof args);
    if (pid == 0) {
        _exit(0);
    }
    if (pid > 0) {
        waitpid(pid, NULL, 0);
    }
    return pid;
}

int main(void) {
    TRY("unshare(CLONE_NEWUSER)", unshare(CLONE_NEWUSER), EPERM);
    TRY("unshare(CLONE_NEWNS)", unshare(CLONE_NEWNS), EPERM);
    TRY("unshare(CLONE_NEWNET)", unshare(CLONE_NEWNET), EPERM);
    TRY("unshare(CLONE_NEWPID)", unshare(CLONE_NEWPID), EPERM);
    TRY("unshare(CLONE_NEWCGROUP)", unshare(CLONE_NEWCGROUP), EPERM);
    TRY("clone(CLONE_NEWUSER)", raw_clone(CLONE_NEWUSER), EPERM);
    TRY("clone(CLONE_NEWNS|CLONE_NEWPID)", raw_clone(CLONE_NEWNS | CLONE_NEWPID), EPERM);
    TRY("clone(CLONE_NEWTIME)", raw_clone(0x80), EPERM);
    TRY("clone3(CLONE_NEWUSER)", raw_clone3(CLONE_NEWUSER), ENOSYS);
    TRY("clone3 without flags", raw_clone3(0), ENOSYS);
    return verdict();
}
