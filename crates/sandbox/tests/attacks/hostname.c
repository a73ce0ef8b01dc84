/* The box has its own UTS namespace named "box", and may not rename it. */
#include "attack.h"
#include <sys/utsname.h>

int main(void) {
    struct utsname name;
    uname(&name);
    printf("nodename %s\n", name.nodename);
    TRY("sethostname", sethostname("pwned", 5), EPERM);
    TRY("setdomainname", setdomainname("pwned", 5), EPERM);
    TRY("write /proc/sys/kernel/hostname",
        open("/proc/sys/kernel/hostname", O_WRONLY), 0);
    int code = verdict();
    if (strcmp(name.nodename, "box") != 0) {
        puts("odd: the host name is not box");
        code = 2;
    }
    return code;
}
