/* Shared by the attack programs: report each attempt on one line and exit with
 *   0  every attempt was contained (failed as it should),
 *   1  an attempt succeeded: the sandbox did NOT contain it,
 *   2  an attempt failed, but not with the error the policy is meant to give.
 * The test asserts the exit code; the printed lines are for whoever reads a failure. */
#ifndef ATTACK_H
#define ATTACK_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

static int attack_escaped;
static int attack_odd;

/* One attempt: `rc` is the call's result (negative means it failed), `err` the errno it left,
 * `want` the errno the policy should give (0: any failure is fine). */
__attribute__((unused)) static void attempt(const char *what, long rc, int err, int want) {
    if (rc >= 0) {
        printf("ESCAPED %s: succeeded (%ld)\n", what, rc);
        attack_escaped = 1;
    } else if (want != 0 && err != want) {
        printf("odd %s: %s (expected %s)\n", what, strerrorname_np(err), strerrorname_np(want));
        attack_odd = 1;
    } else {
        printf("contained %s: %s\n", what, strerrorname_np(err));
    }
}

/* Evaluates `call` with errno cleared and reports it with `attempt`. */
#define TRY(what, call, want)                       \
    do {                                            \
        errno = 0;                                  \
        long try_rc_ = (long)(call);                \
        attempt((what), try_rc_, errno, (want));    \
    } while (0)

/* For calls that return a pointer (NULL on failure). */
#define PTR_RC(p) ((p) == NULL ? -1L : 0L)

__attribute__((unused)) static int verdict(void) {
    fflush(stdout);
    return attack_escaped ? 1 : attack_odd ? 2 : 0;
}

#endif
