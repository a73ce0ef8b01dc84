/* The box's network: only `lo`, and it is down; bringing it up or adding anything fails. */
#include "attack.h"
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

int main(void) {
    FILE *dev = fopen("/proc/net/dev", "r");
    if (dev == NULL) {
        printf("open /proc/net/dev: %s\n", strerrorname_np(errno));
        return 3;
    }
    char line[512];
    int interfaces = 0, others = 0;
    while (fgets(line, sizeof line, dev)) {
        char *colon = strchr(line, ':');
        if (colon == NULL) {
            continue;
        }
        *colon = 0;
        char *name = line;
        while (*name == ' ') {
            name++;
        }
        printf("interface %s\n", name);
        interfaces++;
        if (strcmp(name, "lo") != 0) {
            others++;
        }
    }
    fclose(dev);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct ifreq req = {0};
    strcpy(req.ifr_name, "lo");
    if (ioctl(fd, SIOCGIFFLAGS, &req) != 0) {
        printf("SIOCGIFFLAGS lo: %s\n", strerrorname_np(errno));
        return 3;
    }
    int up = (req.ifr_flags & IFF_UP) != 0;
    printf("lo is %s\n", up ? "UP" : "down");
    req.ifr_flags |= IFF_UP;
    TRY("bring lo up", ioctl(fd, SIOCSIFFLAGS, &req), EPERM);
    int code = verdict();
    if (others > 0 || interfaces != 1 || up) {
        puts("ESCAPED the box sees a usable network");
        code = 1;
    }
    return code;
}
