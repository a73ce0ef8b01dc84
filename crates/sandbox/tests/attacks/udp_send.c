/* Sends datagrams to the UDP socket the test bound on the host's 127.0.0.1 (argv[1] is its
 * port) and to a broadcast address. */
#include "attack.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 53;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        printf("socket failed: %s\n", strerrorname_np(errno));
        return 3;
    }
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    const char message[] = "tandem-udp-escape";
    char what[64];
    snprintf(what, sizeof what, "sendto 127.0.0.1:%d", port);
    TRY(what, sendto(fd, message, sizeof message, 0, (struct sockaddr *)&addr, sizeof addr),
        ENETUNREACH);
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &yes, sizeof yes);
    inet_pton(AF_INET, "255.255.255.255", &addr.sin_addr);
    TRY("sendto 255.255.255.255", sendto(fd, message, sizeof message, 0,
                                         (struct sockaddr *)&addr, sizeof addr),
        ENETUNREACH);
    inet_pton(AF_INET, "8.8.8.8", &addr.sin_addr);
    addr.sin_port = htons(53);
    TRY("sendto 8.8.8.8:53", sendto(fd, message, sizeof message, 0, (struct sockaddr *)&addr,
                                    sizeof addr),
        ENETUNREACH);
    return verdict();
}
