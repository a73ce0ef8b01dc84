/* Connects to the TCP listener the test opened on the host's 127.0.0.1 (argv[1] is its port),
 * and to a few addresses beyond the machine. The box has no usable network at all. */
#include "attack.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static long connect_to(const char *ip, int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, ip, &addr.sin_addr);
    long rc = connect(fd, (struct sockaddr *)&addr, sizeof addr);
    int err = errno;
    close(fd);
    errno = err;
    return rc;
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 80;
    char what[64];
    snprintf(what, sizeof what, "connect 127.0.0.1:%d", port);
    /* The box's loopback is down: the host's listener is in another network namespace. */
    TRY(what, connect_to("127.0.0.1", port), ENETUNREACH);
    TRY("connect 1.1.1.1:443", connect_to("1.1.1.1", 443), ENETUNREACH);
    TRY("connect 10.0.2.2:22", connect_to("10.0.2.2", 22), ENETUNREACH);
    TRY("connect 169.254.169.254:80 (cloud metadata)", connect_to("169.254.169.254", 80),
        ENETUNREACH);
    int fd6 = socket(AF_INET6, SOCK_STREAM, 0);
    struct sockaddr_in6 addr6 = {.sin6_family = AF_INET6, .sin6_port = htons(port)};
    addr6.sin6_addr = in6addr_loopback;
    TRY("connect [::1]", connect(fd6, (struct sockaddr *)&addr6, sizeof addr6), 0);
    return verdict();
}
