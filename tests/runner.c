/* runner.c - runs every registered TEST (optionally only names containing
 * argv[1]) and ends with "N passed, N failed". */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

typedef struct { const char *name, *file; check_fn fn; } test_case;
static test_case cases[2048];
static int ncases, current_failed;
static char tmpdir[256];

void check_register(const char *name, const char *file, check_fn fn) {
    if (ncases < (int)(sizeof cases / sizeof cases[0])) cases[ncases++] = (test_case){name, file, fn};
}

void check_fail(const char *file, int line, const char *fmt, ...) {
    current_failed++;
    fprintf(stderr, "  %s:%d: ", file, line);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

const char *check_path(const char *rel) {
    static char buf[8][1024];
    static int k;
    const char *root = getenv("DYAD_ROOT");
    char *b = buf[k++ % 8];
    snprintf(b, sizeof buf[0], "%s/%s", root ? root : ".", rel);
    return b;
}

const char *check_tmpdir(void) {
    if (!tmpdir[0]) {
        snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-tests-XXXXXX");
        if (!mkdtemp(tmpdir)) return "/tmp";
    }
    return tmpdir;
}

int check_run_cli(const char *args, char **out) {
    const char *bin = getenv("DYAD_BIN");
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s", getenv("DYAD_ROOT") ? getenv("DYAD_ROOT") : ".",
             bin ? bin : "build/dyad", args);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (cap - len < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    if (buf) buf[len] = 0;
    int st = pclose(p);
    if (out) *out = buf;
    else free(buf);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int main(int argc, char **argv) {
    int passed = 0, failed = 0;
    for (int i = 0; i < ncases; i++) {
        if (argc > 1 && !strstr(cases[i].name, argv[1]) && !strstr(cases[i].file, argv[1])) continue;
        current_failed = 0;
        cases[i].fn();
        if (current_failed) {
            failed++;
            fprintf(stderr, "FAIL %s (%s)\n", cases[i].name, cases[i].file);
        } else {
            passed++;
            printf("ok   %s\n", cases[i].name);
        }
        fflush(stdout);
    }
    if (tmpdir[0]) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd)) {}
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
