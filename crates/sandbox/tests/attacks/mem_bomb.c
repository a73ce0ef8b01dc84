/* Allocates and touches memory 1 MiB at a time until something stops it. */
#include "attack.h"

int main(void) {
    puts("allocating");
    fflush(stdout);
    for (long mib = 0; mib < 64 * 1024; mib++) {
        char *block = malloc(1 << 20);
        if (block == NULL) {
            printf("malloc failed after %ld MiB\n", mib);
            return 3;
        }
        memset(block, 0x5a, 1 << 20);
    }
    puts("ESCAPED allocated 64 GiB");
    return 1;
}
