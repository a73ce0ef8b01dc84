/* Looks for the host's processes through /proc: PID 1 must be the box's own init, and no
 * environment or command line of a host process may be visible. Prints everything readable
 * so that the test can look for the host's marker in the output. argv[1..] are host pids. */
#include "attack.h"
#include <ctype.h>
#include <dirent.h>

static void dump(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: %s\n", path, strerrorname_np(errno));
        return;
    }
    char buffer[8192];
    ssize_t n = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (n < 0) {
        printf("%s: read %s\n", path, strerrorname_np(errno));
        return;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (buffer[i] == 0) {
            buffer[i] = ' ';
        }
    }
    buffer[n] = 0;
    printf("%s: [%s]\n", path, buffer);
}

int main(int argc, char **argv) {
    DIR *proc = opendir("/proc");
    struct dirent *entry;
    int pids = 0;
    char path[300];
    while ((entry = readdir(proc))) {
        if (!isdigit((unsigned char)entry->d_name[0])) {
            continue;
        }
        pids++;
        snprintf(path, sizeof path, "/proc/%s/cmdline", entry->d_name);
        dump(path);
        snprintf(path, sizeof path, "/proc/%s/environ", entry->d_name);
        dump(path);
    }
    closedir(proc);
    printf("%d processes visible\n", pids);
    for (int i = 1; i < argc; i++) {
        snprintf(path, sizeof path, "/proc/%s/environ", argv[i]);
        char what[400];
        snprintf(what, sizeof what, "open host %s", path);
        TRY(what, open(path, O_RDONLY), ENOENT);
    }
    int code = verdict();
    /* Init, this program and nothing else. */
    if (pids > 2) {
        puts("ESCAPED more processes are visible than the box's own");
        code = 1;
    }
    return code;
}
