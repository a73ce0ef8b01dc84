/* Four threads burn CPU at once: the CPU time of a run is the sum over its threads. With
 * argv[1], each thread stops after burning that many milliseconds of its own CPU time and the
 * program exits 0; without it they burn forever. */
#include "attack.h"
#include <pthread.h>
#include <time.h>

static long burn_ms = -1;

static long thread_cpu_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static void *burn(void *unused) {
    (void)unused;
    for (volatile unsigned long i = 0;; i++) {
        if (burn_ms >= 0 && (i & 0xffff) == 0 && thread_cpu_ms() >= burn_ms) {
            return NULL;
        }
    }
}

int main(int argc, char **argv) {
    if (argc > 1) {
        burn_ms = atol(argv[1]);
    }
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) {
        if (pthread_create(&threads[i], NULL, burn, NULL) != 0) {
            puts("pthread_create failed");
            return 3;
        }
    }
    puts("4 threads burning");
    fflush(stdout);
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
    }
    struct timespec cpu;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    printf("process cpu %ld ms\n", cpu.tv_sec * 1000 + cpu.tv_nsec / 1000000);
    return 0;
}
