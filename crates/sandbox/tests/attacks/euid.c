/* Installed setuid root on the host and bound into the box: if the bit worked, the effective
 * uid would be 0. */
#include "attack.h"

int main(void) {
    uid_t ruid, euid, suid;
    getresuid(&ruid, &euid, &suid);
    printf("uid %u euid %u saved %u\n", ruid, euid, suid);
    TRY("setuid(0)", setuid(0), EPERM);
    int code = verdict();
    if (euid == 0 || suid == 0) {
        puts("ESCAPED the setuid bit raised privileges");
        code = 1;
    }
    return code;
}
