/* Every way to change the mount table: old API, new API, and unmounting what hides the host. */
#include "attack.h"
#include <sys/mount.h>

int main(void) {
    TRY("mount tmpfs on /usr", mount("none", "/usr", "tmpfs", 0, NULL), EPERM);
    TRY("bind / at /box", mount("/", "/box", NULL, MS_BIND, NULL), EPERM);
    TRY("remount / read-write", mount(NULL, "/", NULL, MS_REMOUNT, NULL), EPERM);
    TRY("mount proc", mount("proc", "/tmp", "proc", 0, NULL), EPERM);
    TRY("mount the cgroup file system", mount("cgroup", "/tmp", "cgroup", 0, "memory"), EPERM);
    TRY("umount /proc", umount2("/proc", MNT_DETACH), EPERM);
    TRY("umount /box", umount2("/box", 0), EPERM);
    TRY("pivot_root", syscall(SYS_pivot_root, "/box", "/box"), EPERM);
    TRY("fsopen tmpfs", syscall(SYS_fsopen, "tmpfs", 0), EPERM);
    TRY("open_tree /", syscall(SYS_open_tree, AT_FDCWD, "/", 1 /* OPEN_TREE_CLONE */), EPERM);
    TRY("move_mount", syscall(SYS_move_mount, AT_FDCWD, "/tmp", AT_FDCWD, "/box", 0), EPERM);
    TRY("mount_setattr", syscall(SYS_mount_setattr, AT_FDCWD, "/", 0, NULL, 0), EPERM);
    return verdict();
}
