/* Signals to host pid numbers (argv[1..]) land in the box's own PID namespace, where no such
 * process exists. */
#include "attack.h"
#include <signal.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        char what[100];
        snprintf(what, sizeof what, "kill(%s, SIGKILL)", argv[i]);
        TRY(what, kill(atoi(argv[i]), SIGKILL), ESRCH);
    }
    return verdict();
}
