/* System V shared memory lives outside any process; its pages must still count against the
 * box's memory. */
#include "attack.h"
#include <sys/ipc.h>
#include <sys/shm.h>

int main(void) {
    size_t size = (size_t)1 << 30;
    int id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
    if (id < 0) {
        printf("shmget failed: %s\n", strerrorname_np(errno));
        return 3;
    }
    char *memory = shmat(id, NULL, 0);
    if (memory == (void *)-1) {
        printf("shmat failed: %s\n", strerrorname_np(errno));
        return 3;
    }
    puts("touching 1 GiB of shared memory");
    fflush(stdout);
    memset(memory, 0x5a, size);
    puts("ESCAPED touched 1 GiB of shared memory");
    return 1;
}
