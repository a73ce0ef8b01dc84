/* The chroot escapes: chroot into a subdirectory and climb out with a saved descriptor, or
 * climb above / with "..", or go through init's root link. */
#include "attack.h"

int main(int argc, char **argv) {
    mkdir("/box/jail", 0755);
    int outside = open("/", O_RDONLY | O_DIRECTORY);
    TRY("chroot /box/jail", chroot("/box/jail"), EPERM);
    TRY("chroot .", chroot("."), EPERM);
    fchdir(outside);
    for (int i = 0; i < 64; i++) {
        chdir("..");
    }
    char cwd[4096] = "";
    getcwd(cwd, sizeof cwd);
    printf("after climbing: cwd %s\n", cwd);
    TRY("open /proc/1/root", open("/proc/1/root/", O_RDONLY | O_DIRECTORY), EACCES);
    /* argv[1]: a file that exists only on the host, by its host path. */
    for (int i = 1; i < argc; i++) {
        char what[4200];
        snprintf(what, sizeof what, "open %s after climbing", argv[i]);
        TRY(what, open(argv[i], O_RDONLY), ENOENT);
        snprintf(what, sizeof what, "../../..%s", argv[i]);
        TRY(what, open(what, O_RDONLY), ENOENT);
    }
    int code = verdict();
    struct stat st;
    if (stat("/box/jail", &st) != 0) {
        puts("ESCAPED the climb left the box's root");
        code = 1;
    }
    return code;
}
