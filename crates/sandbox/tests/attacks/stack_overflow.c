/* Unbounded recursion: a runtime error (SIGSEGV), not a hang and not a host problem. */
#include "attack.h"

#pragma GCC diagnostic ignored "-Winfinite-recursion"

static int deeper(volatile char *previous, long depth) {
    volatile char frame[1024];
    frame[0] = previous ? previous[0] : 1;
    return deeper(frame, depth + 1) + frame[0];
}

int main(void) {
    puts("recursing");
    fflush(stdout);
    return deeper(NULL, 0);
}
