/* An x32 system call number (bit 30 set) through the 64-bit entry point. */
#include "attack.h"

int main(void) {
    puts("calling getpid with the x32 bit");
    fflush(stdout);
    long result = syscall(0x40000000 | 39 /* getpid */);
    printf("ESCAPED x32 getpid returned %ld (%s)\n", result, strerrorname_np(errno));
    return 1;
}
