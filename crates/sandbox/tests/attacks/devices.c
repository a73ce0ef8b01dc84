/* /dev holds null, zero, full, random and urandom (plus the fd links and shm); disks,
 * memory, kernel log and consoles are absent, and no device node can be made. */
#include "attack.h"
#include <dirent.h>
#include <sys/sysmacros.h>

int main(void) {
    static const char *allowed[] = {".", "..", "null", "zero", "full", "random", "urandom",
                                    "fd", "stdin", "stdout", "stderr", "shm", NULL};
    DIR *dev = opendir("/dev");
    struct dirent *entry;
    int extra = 0;
    printf("/dev:");
    while ((entry = readdir(dev))) {
        printf(" %s", entry->d_name);
        int known = 0;
        for (int i = 0; allowed[i]; i++) {
            known |= strcmp(allowed[i], entry->d_name) == 0;
        }
        extra += !known;
    }
    printf("\n");
    closedir(dev);
    static const char *absent[] = {"/dev/sda", "/dev/vda", "/dev/nvme0n1", "/dev/mem",
                                   "/dev/kmem", "/dev/port", "/dev/kmsg", "/dev/console",
                                   "/dev/tty", "/dev/ptmx", "/dev/net/tun", "/dev/fuse",
                                   "/dev/kvm", "/dev/vsock", "/dev/loop0", NULL};
    for (int i = 0; absent[i]; i++) {
        char what[100];
        snprintf(what, sizeof what, "open %s", absent[i]);
        TRY(what, open(absent[i], O_RDWR), ENOENT);
    }
    TRY("mknod /box/mem (1,1)", mknod("/box/mem", S_IFCHR | 0666, makedev(1, 1)), EPERM);
    TRY("mknod /tmp/sda (8,0)", mknod("/tmp/sda", S_IFBLK | 0666, makedev(8, 0)), EPERM);
    TRY("mknod /dev/shm/kmsg (1,11)", mknod("/dev/shm/kmsg", S_IFCHR | 0666, makedev(1, 11)),
        EPERM);
    TRY("create /dev/sda", open("/dev/sda", O_WRONLY | O_CREAT, 0666), 0);
    int code = verdict();
    if (extra) {
        puts("ESCAPED unexpected entries in /dev");
        code = 1;
    }
    return code;
}
