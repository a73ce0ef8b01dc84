/* execve with 10 MB in one argument, 20 MB spread over many, and 10 MB of environment: each
 * must fail with E2BIG, and nothing else may break. */
#include "attack.h"
#include <sys/wait.h>

static int try_exec(const char *what, char **argv, char **envp) {
    pid_t pid = fork();
    if (pid == 0) {
        execve("/box/prog", argv, envp);
        _exit(errno == E2BIG ? 40 : 41);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 40) {
        printf("contained %s: E2BIG\n", what);
        return 0;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 41) {
        printf("odd %s: failed, but not with E2BIG\n", what);
        return 2;
    }
    printf("ESCAPED %s: exec went through (status %#x)\n", what, status);
    return 1;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        return 42;
    }
    size_t ten_mb = 10 << 20;
    char *big = malloc(ten_mb + 1);
    memset(big, 'a', ten_mb);
    big[ten_mb] = 0;
    int worst = 0;

    char *one[] = {"/box/prog", "child", big, NULL};
    char *no_env[] = {NULL};
    int r = try_exec("one 10 MB argument", one, no_env);
    worst = r > worst ? r : worst;

    /* 200 arguments of 100 KB each: under the per-string cap, 20 MB in total. */
    char *many[203];
    char *piece = malloc(100 * 1024 + 1);
    memset(piece, 'b', 100 * 1024);
    piece[100 * 1024] = 0;
    many[0] = "/box/prog";
    many[1] = "child";
    for (int i = 2; i < 202; i++) {
        many[i] = piece;
    }
    many[202] = NULL;
    r = try_exec("20 MB over 200 arguments", many, no_env);
    worst = r > worst ? r : worst;

    char *env_var = malloc(ten_mb + 3);
    memcpy(env_var, "X=", 2);
    memset(env_var + 2, 'c', ten_mb);
    env_var[ten_mb + 2] = 0;
    char *env[] = {env_var, NULL};
    char *plain[] = {"/box/prog", "child", NULL};
    r = try_exec("a 10 MB environment variable", plain, env);
    worst = r > worst ? r : worst;
    return worst;
}
