/* test_base.c - arena, buffers, dates, UTF-8 and JSON escaping. */
#include <stdlib.h>
#include "check.h"
#include "base/arena.h"
#include "base/util.h"

TEST(arena_grows_and_resets) {
    dyad_arena *a = arena_new(64);
    char *s = arena_strdup(a, "Kishida");
    for (int i = 0; i < 1000; i++) CHECK(arena_alloc(a, 100) != NULL);
    CHECK_STR(s, "Kishida");
    CHECK(arena_used(a) >= 100000);
    arena_reset(a);
    CHECK_INT(arena_used(a), 0);
    CHECK_STR(arena_printf(a, "%s-%d", "JPN", 2024), "JPN-2024");
    arena_free(a);
}

TEST(dates_normalize_common_forms) {
    char d[11];
    CHECK_INT(date_normalize("2024-04-08T10:00:00Z", d), 0);
    CHECK_STR(d, "2024-04-08");
    CHECK_INT(date_normalize("Mon, 08 Apr 2024 10:00:00 GMT", d), 0);
    CHECK_STR(d, "2024-04-08");
    CHECK_INT(date_normalize("20240410", d), 0);
    CHECK_STR(d, "2024-04-10");
    CHECK(date_normalize("yesterday", d) != 0);
    int32_t a, b;
    CHECK_INT(date_parse("2024-04-08", &a), 0);
    CHECK_INT(date_parse("2024-04-10", &b), 0);
    CHECK_INT(b - a, 2);
    date_format(a + 30, d);
    CHECK_STR(d, "2024-05-08");
}

TEST(utf8_decode_rejects_bad_bytes) {
    uint32_t cp;
    CHECK_INT(utf8_decode((const unsigned char *)"\xE2\x80\x9C", 3, &cp), 3);
    CHECK_INT(cp, 0x201C);
    CHECK_INT(utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    CHECK(utf8_valid("Mao Ning \xE2\x80\x9Cgravely\xE2\x80\x9D", 22));
    CHECK(!utf8_valid("bad \xFF byte", 10));
}

TEST(json_escapes_controls_and_bad_utf8) {
    dy_buf b = {0};
    buf_json_str(&b, "a\"b\\c\n\x01\xFFz", 9);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBDz\"");
    buf_free(&b);
}

TEST(dates_reject_long_digit_runs) {
    char d[11];
    CHECK(date_normalize("99999999999999999999 April 2024", d) != 0 || strlen(d) == 10);
    CHECK(date_normalize("12345678901234567890", d) != 0);
}
