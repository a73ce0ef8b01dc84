/* Tries to read each path given (files are read, directories listed) and prints whatever it
 * gets, so that the test can also check that no host secret shows up in the output. Every
 * path must be unreadable. */
#include "attack.h"
#include <dirent.h>

static long read_path(const char *path) {
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        return -1;
    }
    struct stat st;
    fstat(fd, &st);
    if (S_ISDIR(st.st_mode)) {
        DIR *dir = fdopendir(fd);
        struct dirent *entry;
        long entries = 0;
        printf("listing %s:", path);
        while (dir && (entry = readdir(dir))) {
            printf(" %s", entry->d_name);
            entries++;
        }
        printf("\n");
        return entries;
    }
    char buffer[4096];
    ssize_t n = read(fd, buffer, sizeof buffer - 1);
    int err = errno;
    close(fd);
    if (n < 0) {
        errno = err;
        return -1;
    }
    buffer[n] = 0;
    printf("read %s: %s\n", path, buffer);
    return n;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        char what[4200];
        snprintf(what, sizeof what, "read %s", argv[i]);
        TRY(what, read_path(argv[i]), 0);
    }
    return verdict();
}
