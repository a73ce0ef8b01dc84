/* A system call through the i386 entry point (int $0x80) from a 64-bit process: the filter
 * only speaks x86-64, so anything else kills the process (SIGSYS). */
#include "attack.h"

int main(void) {
    puts("calling getuid through int $0x80");
    fflush(stdout);
    long result;
    __asm__ volatile("int $0x80" : "=a"(result) : "a"(24 /* i386 getuid */) : "memory");
    printf("ESCAPED int $0x80 returned %ld\n", result);
    return 1;
}
