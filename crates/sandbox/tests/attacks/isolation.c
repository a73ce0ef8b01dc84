/* One of several runs at once: leaves a marker (argv[1]) in every shared-looking place, waits
 * a little so that the others are doing the same, then looks for anyone else's traces. */
#include "attack.h"
#include <dirent.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/un.h>

static int foreign_entries(const char *dir, const char *mine) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("opendir %s: %s\n", dir, strerrorname_np(errno));
        return 1;
    }
    struct dirent *entry;
    int foreign = 0;
    while ((entry = readdir(d))) {
        const char *name = entry->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..") || !strcmp(name, "prog") ||
            !strcmp(name, mine)) {
            continue;
        }
        printf("ESCAPED %s/%s belongs to another run\n", dir, name);
        foreign++;
    }
    closedir(d);
    return foreign;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        return 3;
    }
    const char *mine = argv[1];
    static const char *dirs[] = {"/box", "/tmp", "/dev/shm", NULL};
    char path[256];
    for (int i = 0; dirs[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", dirs[i], mine);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0) {
            printf("create %s: %s\n", path, strerrorname_np(errno));
            return 3;
        }
        close(fd);
    }
    /* Names every run uses: creating them exclusively fails if anything is shared. */
    int foreign = 0;
    if (shmget(0x7a6d, 4096, IPC_CREAT | IPC_EXCL | 0600) < 0) {
        printf("ESCAPED SysV key 0x7a6d is taken: %s\n", strerrorname_np(errno));
        foreign++;
    }
    int sock = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    memcpy(addr.sun_path + 1, "tandem-shared", 13);
    if (bind(sock, (struct sockaddr *)&addr, offsetof(struct sockaddr_un, sun_path) + 14) != 0) {
        printf("ESCAPED abstract socket @tandem-shared is taken: %s\n", strerrorname_np(errno));
        foreign++;
    }
    usleep(300000);
    for (int i = 0; dirs[i]; i++) {
        foreign += foreign_entries(dirs[i], mine);
    }
    printf("run %s saw %d foreign entries\n", mine, foreign);
    return foreign ? 1 : 0;
}
