/* Every path given must refuse to be created or written; then a few ways to change the
 * read-only tree in place. */
#include "attack.h"
#include <sys/time.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        char what[4200];
        snprintf(what, sizeof what, "write %s", argv[i]);
        TRY(what, open(argv[i], O_WRONLY | O_CREAT, 0644), 0);
    }
    TRY("mkdir /usr/tandem-attack-dir", mkdir("/usr/tandem-attack-dir", 0755), 0);
    TRY("unlink /usr/bin/ls", unlink("/usr/bin/ls"), 0);
    TRY("rename /usr/bin/ls", rename("/usr/bin/ls", "/usr/bin/ls.moved"), 0);
    TRY("chmod /usr/bin/ls", chmod("/usr/bin/ls", 04777), 0);
    TRY("utimes /usr/bin/ls", utimes("/usr/bin/ls", NULL), 0);
    TRY("truncate /etc/ld.so.cache", truncate("/etc/ld.so.cache", 0), 0);
    TRY("symlink in /", symlink("/box", "/tandem-attack-link"), 0);
    return verdict();
}
