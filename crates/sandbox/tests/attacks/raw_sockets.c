/* Sockets that would reach below TCP/UDP, or out of the VM: raw, packet, vsock. */
#include "attack.h"
#include <netinet/in.h>
#include <sys/socket.h>

int main(void) {
    TRY("raw IPv4 socket", socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), EPERM);
    TRY("raw IPv6 socket", socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6), EPERM);
    TRY("packet socket", socket(AF_PACKET, SOCK_RAW, 0), EPERM);
    TRY("vsock socket (to the hypervisor)", socket(40 /* AF_VSOCK */, SOCK_STREAM, 0), EPERM);
    return verdict();
}
