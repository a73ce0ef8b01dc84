/* Uses no CPU at all, just time. */
#include "attack.h"

int main(void) {
    puts("sleeping");
    fflush(stdout);
    sleep(3600);
    puts("ESCAPED slept an hour");
    return 1;
}
