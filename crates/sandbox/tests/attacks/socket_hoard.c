/* Parks data in Unix socket buffers: kernel memory that belongs to no process's address space.
 * Fills socket pairs (send buffers raised as far as the host allows) until argv[1] MiB are in
 * flight or descriptors run out. argv[2] is the run's memory limit in MiB: holding more than
 * that means the memory limit did not apply to this memory. */
#include "attack.h"
#include <sys/socket.h>

int main(int argc, char **argv) {
    long target_mib = argc > 1 ? atol(argv[1]) : 256;
    long limit_mib = argc > 2 ? atol(argv[2]) : 64;
    static char chunk[1 << 16];
    memset(chunk, 'h', sizeof chunk);
    long total = 0;
    int pairs = 0;
    while (total < target_mib << 20) {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
            printf("socketpair after %d pairs: %s\n", pairs, strerrorname_np(errno));
            break;
        }
        pairs++;
        for (int side = 0; side < 2; side++) {
            int big = 64 << 20;
            setsockopt(sv[side], SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
            setsockopt(sv[side], SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
            for (;;) {
                ssize_t n = send(sv[side], chunk, sizeof chunk, MSG_DONTWAIT);
                if (n <= 0) {
                    break;
                }
                total += n;
            }
        }
    }
    printf("%ld MiB parked in the buffers of %d socket pairs (memory limit %ld MiB)\n",
           total >> 20, pairs, limit_mib);
    fflush(stdout);
    if (total > limit_mib << 20) {
        puts("ESCAPED socket buffers hold more than the memory limit");
        return 1;
    }
    return 0;
}
