/* The payload starts with stdin, stdout and stderr only: no descriptor of init's (the control
 * socket, the exec-error pipe) or of the host may be inherited. */
#include "attack.h"
#include <dirent.h>

int main(void) {
    DIR *dir = opendir("/proc/self/fd");
    if (dir == NULL) {
        printf("opendir /proc/self/fd: %s\n", strerrorname_np(errno));
        return 3;
    }
    int own = dirfd(dir);
    struct dirent *entry;
    int extra = 0;
    char path[300], target[300];
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') {
            continue;
        }
        int fd = atoi(entry->d_name);
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(path, target, sizeof target - 1);
        target[n > 0 ? n : 0] = 0;
        printf("fd %d -> %s\n", fd, target);
        if (fd > 2 && fd != own) {
            printf("ESCAPED descriptor %d was inherited\n", fd);
            extra++;
        }
    }
    closedir(dir);
    return extra ? 1 : 0;
}
