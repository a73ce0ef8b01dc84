/* Who the payload is: an unprivileged uid from the box range, no capabilities at all,
 * no_new_privs, a seccomp filter; and nothing to be gained by asking. */
#include "attack.h"
#include <grp.h>
#include <linux/capability.h>
#include <sys/prctl.h>

static void status_lines(int *ok) {
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    while (fgets(line, sizeof line, status)) {
        const char *expected = NULL;
        if (!strncmp(line, "CapInh:", 7) || !strncmp(line, "CapPrm:", 7) ||
            !strncmp(line, "CapEff:", 7) || !strncmp(line, "CapBnd:", 7) ||
            !strncmp(line, "CapAmb:", 7)) {
            expected = "0000000000000000";
        } else if (!strncmp(line, "NoNewPrivs:", 11)) {
            expected = "1";
        } else if (!strncmp(line, "Seccomp:", 8)) {
            expected = "2";
        } else {
            continue;
        }
        printf("%s", line);
        if (strstr(line, expected) == NULL) {
            printf("ESCAPED %s", line);
            *ok = 0;
        }
    }
    fclose(status);
}

int main(void) {
    uid_t uid = getuid();
    gid_t gid = getgid();
    printf("uid %u gid %u\n", uid, gid);
    int ok = uid >= 1950000 && uid < 1954096 && gid == uid && geteuid() == uid;
    status_lines(&ok);
    TRY("setuid(0)", setuid(0), EPERM);
    TRY("setresuid(0,0,0)", setresuid(0, 0, 0), EPERM);
    TRY("setgid(0)", setgid(0), EPERM);
    gid_t root_group = 0;
    TRY("setgroups([0])", setgroups(1, &root_group), EPERM);
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    memset(data, 0xff, sizeof data);
    TRY("capset(everything)", syscall(SYS_capset, &header, data), EPERM);
    TRY("PR_CAP_AMBIENT_RAISE", prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, 21, 0, 0), EPERM);
    int fd = open("/box/mine", O_WRONLY | O_CREAT, 0644);
    TRY("fchown to root", fchown(fd, 0, 0), EPERM);
    TRY("chown /usr/bin/ls", chown("/usr/bin/ls", uid, gid), 0);
    int code = verdict();
    if (!ok) {
        code = 1;
    }
    return code;
}
