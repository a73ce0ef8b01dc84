/* Connects to the Unix socket the test listens on at a host path (argv[1]) and to an abstract
 * one (argv[2], without the leading NUL). Neither exists in the box's world. */
#include "attack.h"
#include <sys/socket.h>
#include <sys/un.h>

static long connect_unix(const char *name, int abstract) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    size_t len = strlen(name);
    if (len + 2 > sizeof addr.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(addr.sun_path + (abstract ? 1 : 0), name, len);
    socklen_t size = offsetof(struct sockaddr_un, sun_path) + len + (abstract ? 1 : 0);
    long rc = connect(fd, (struct sockaddr *)&addr, size);
    int err = errno;
    close(fd);
    errno = err;
    return rc;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        return 3;
    }
    struct stat st;
    TRY("stat the host socket path", stat(argv[1], &st), ENOENT);
    TRY("connect to the host socket path", connect_unix(argv[1], 0), ENOENT);
    TRY("connect to the host's abstract socket", connect_unix(argv[2], 1), ECONNREFUSED);
    return verdict();
}
