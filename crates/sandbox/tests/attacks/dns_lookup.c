/* Name resolution must fail: no resolver is reachable from the box. */
#include "attack.h"
#include <netdb.h>
#include <sys/socket.h>

static long lookup(const char *name) {
    struct addrinfo *result = NULL;
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM};
    int rc = getaddrinfo(name, "443", &hints, &result);
    printf("getaddrinfo(%s): %s\n", name, rc == 0 ? "resolved" : gai_strerror(rc));
    if (result) {
        freeaddrinfo(result);
    }
    return rc == 0 ? 0 : -1;
}

int main(void) {
    TRY("resolve example.com", lookup("example.com"), 0);
    TRY("resolve github.com", lookup("github.com"), 0);
    TRY("resolve deb.debian.org", lookup("deb.debian.org"), 0);
    return verdict();
}
