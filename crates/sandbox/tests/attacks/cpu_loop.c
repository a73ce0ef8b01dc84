/* Burns CPU forever. */
#include "attack.h"

int main(void) {
    puts("spinning");
    fflush(stdout);
    for (volatile unsigned long i = 0;; i++) {
    }
}
