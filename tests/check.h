/* check.h - dyad's small test framework. TEST(name) { ... } registers itself;
 * CHECK* macros record a failure with file and line and carry on; the runner
 * (tests/runner.c) prints "N passed, N failed". Fixtures: DYAD_ROOT is the
 * repository, DYAD_BIN the CLI; tests never need ../shared. */
#ifndef DY_CHECK_H
#define DY_CHECK_H
#include <stdio.h>
#include <string.h>

typedef void (*check_fn)(void);
void check_register(const char *name, const char *file, check_fn fn);
void check_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* path relative to the repository root (DYAD_ROOT or ".") */
const char *check_path(const char *rel);
/* run the dyad CLI with args (a shell string); captures stdout into *out
 * (malloc, caller frees) and returns the exit status. */
int check_run_cli(const char *args, char **out);
/* a fresh temporary directory for this test (removed at exit) */
const char *check_tmpdir(void);

#define TEST(name)                                                     \
    static void name(void);                                            \
    __attribute__((constructor)) static void name##_register(void) {   \
        check_register(#name, __FILE__, name);                        \
    }                                                                  \
    static void name(void)

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) check_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);       \
    } while (0)
#define CHECK_INT(a, b)                                                        \
    do {                                                                       \
        long long _a = (long long)(a), _b = (long long)(b);                    \
        if (_a != _b) check_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, _a, _b); \
    } while (0)
#define CHECK_STR(a, b)                                                        \
    do {                                                                       \
        const char *_a = (a), *_b = (b);                                       \
        if (!_a || !_b || strcmp(_a, _b) != 0)                                 \
            check_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, _a ? _a : "(null)", _b ? _b : "(null)"); \
    } while (0)
#define CHECK_CONTAINS(hay, needle)                                            \
    do {                                                                       \
        const char *_h = (hay), *_n = (needle);                                \
        if (!_h || !strstr(_h, _n))                                            \
            check_fail(__FILE__, __LINE__, "%s does not contain \"%s\"", #hay, _n); \
    } while (0)
#endif
