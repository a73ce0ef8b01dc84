/* Joining another namespace needs a handle to it: our own ones (harmless) and init's. */
#define _GNU_SOURCE
#include "attack.h"
#include <sched.h>

int main(void) {
    static const char *kinds[] = {"mnt", "net", "pid", "user", "uts", "ipc", "cgroup", NULL};
    char path[64], what[100];
    for (int i = 0; kinds[i]; i++) {
        snprintf(path, sizeof path, "/proc/self/ns/%s", kinds[i]);
        int fd = open(path, O_RDONLY);
        snprintf(what, sizeof what, "setns %s", path);
        TRY(what, setns(fd, 0), EPERM);
        close(fd);
        snprintf(path, sizeof path, "/proc/1/ns/%s", kinds[i]);
        snprintf(what, sizeof what, "open %s", path);
        TRY(what, open(path, O_RDONLY), EACCES);
    }
    return verdict();
}
