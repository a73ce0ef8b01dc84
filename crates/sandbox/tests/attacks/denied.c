/* One denied system call, named by argv[1], called with arguments that would work for a
 * privileged caller. The seccomp filter answers EPERM before the kernel looks at them. */
#include "attack.h"
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <sys/personality.h>
#include <time.h>

static long call(const char *name) {
    if (!strcmp(name, "keyctl")) {
        return syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -2 /* user keyring */, 1);
    }
    if (!strcmp(name, "add_key")) {
        return syscall(SYS_add_key, "user", "tandem", "secret", 6, -2);
    }
    if (!strcmp(name, "request_key")) {
        return syscall(SYS_request_key, "user", "tandem", NULL, -2);
    }
    if (!strcmp(name, "io_uring_setup")) {
        char params[120] = {0};
        return syscall(SYS_io_uring_setup, 8, params);
    }
    if (!strcmp(name, "bpf")) {
        union bpf_attr attr;
        memset(&attr, 0, sizeof attr);
        attr.map_type = BPF_MAP_TYPE_ARRAY;
        attr.key_size = 4;
        attr.value_size = 4;
        attr.max_entries = 1;
        return syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof attr);
    }
    if (!strcmp(name, "perf_event_open")) {
        struct perf_event_attr attr;
        memset(&attr, 0, sizeof attr);
        attr.size = sizeof attr;
        attr.type = PERF_TYPE_SOFTWARE;
        attr.config = PERF_COUNT_SW_CPU_CLOCK;
        attr.exclude_kernel = 1;
        return syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    }
    if (!strcmp(name, "personality")) {
        return personality(ADDR_NO_RANDOMIZE);
    }
    if (!strcmp(name, "personality_read_implies_exec")) {
        return personality(READ_IMPLIES_EXEC);
    }
    if (!strcmp(name, "userfaultfd")) {
        return syscall(SYS_userfaultfd, O_CLOEXEC);
    }
    if (!strcmp(name, "open_by_handle_at")) {
        char handle[136] = {0};
        ((unsigned *)handle)[0] = 8; /* handle_bytes */
        ((int *)handle)[1] = 1;      /* handle_type FILEID_INO32_GEN */
        return syscall(SYS_open_by_handle_at, AT_FDCWD, handle, O_RDONLY);
    }
    if (!strcmp(name, "kexec_load")) {
        return syscall(SYS_kexec_load, 0, 0, NULL, 0);
    }
    if (!strcmp(name, "init_module")) {
        return syscall(SYS_init_module, "", 0, "");
    }
    if (!strcmp(name, "syslog")) {
        char buffer[256];
        return syscall(SYS_syslog, 3 /* SYSLOG_ACTION_READ_ALL */, buffer, sizeof buffer);
    }
    if (!strcmp(name, "clock_settime")) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        return clock_settime(CLOCK_REALTIME, &now);
    }
    if (!strcmp(name, "fanotify_init")) {
        return syscall(SYS_fanotify_init, 0, O_RDONLY);
    }
    if (!strcmp(name, "iopl")) {
        return syscall(SYS_iopl, 3);
    }
    printf("unknown system call %s\n", name);
    errno = 0;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        return 3;
    }
    TRY(argv[1], call(argv[1]), EPERM);
    return verdict();
}
