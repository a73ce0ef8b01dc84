/* Plants traps in /box for whoever reads it after the run: symlinks to host paths and to
 * files the payload itself may not read, a symlinked directory, a FIFO and a hard link.
 * argv[1]: a host file's path (a secret); argv[2]: a file inside the box the payload cannot
 * read (bound from the host, root-only). */
#include "attack.h"

static void link_to(const char *target, const char *name) {
    if (symlink(target, name) != 0) {
        printf("symlink %s -> %s: %s\n", name, target, strerrorname_np(errno));
    }
}

int main(int argc, char **argv) {
    const char *host_secret = argc > 1 ? argv[1] : "/root/secret";
    const char *root_only = argc > 2 ? argv[2] : "/etc/shadow";
    TRY("read the root-only file directly", open(root_only, O_RDONLY), EACCES);
    link_to("/etc/passwd", "/box/passwd");
    link_to(host_secret, "/box/secret");
    link_to(root_only, "/box/root-only");
    link_to("/proc/1/environ", "/box/init-environ");
    /* Directories: a collected path "d/x" walks through them. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", root_only);
    *strrchr(dir, '/') = 0;
    link_to(dir, "/box/secret-dir");
    link_to("/proc/1", "/box/init");
    link_to("/proc/self", "/box/self");
    mkfifo("/box/fifo", 0644);
    TRY("hard link to /etc/ld.so.cache", link("/etc/ld.so.cache", "/box/hardlink"), EXDEV);
    int fd = open("/box/ok.txt", O_WRONLY | O_CREAT, 0644);
    write(fd, "plain output\n", 13);
    close(fd);
    puts("traps planted");
    return verdict();
}
