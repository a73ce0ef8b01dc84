/* Debugging interfaces, against a child of our own and against init. */
#include "attack.h"
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

int main(void) {
    TRY("PTRACE_TRACEME", ptrace(PTRACE_TRACEME, 0, NULL, NULL), EPERM);
    pid_t child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    TRY("PTRACE_ATTACH to a child", ptrace(PTRACE_ATTACH, child, NULL, NULL), EPERM);
    TRY("PTRACE_SEIZE a child", ptrace(PTRACE_SEIZE, child, NULL, NULL), EPERM);
    TRY("PTRACE_ATTACH to init", ptrace(PTRACE_ATTACH, 1, NULL, NULL), EPERM);
    char local[16], remote[16];
    struct iovec to = {local, sizeof local}, from = {remote, sizeof remote};
    TRY("process_vm_readv of a child", process_vm_readv(child, &to, 1, &from, 1, 0), EPERM);
    TRY("process_vm_writev of a child", process_vm_writev(child, &to, 1, &from, 1, 0), EPERM);
    TRY("kcmp", syscall(SYS_kcmp, getpid(), child, 0, 0, 0), EPERM);
    int pidfd = syscall(SYS_pidfd_open, child, 0);
    TRY("pidfd_getfd of a child", syscall(SYS_pidfd_getfd, pidfd, 0, 0), EPERM);
    kill(child, SIGKILL);
    return verdict();
}
