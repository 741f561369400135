/* error.c - status names and the error struct that names input and position. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "dyad.h"

const char *dyad_status_str(dyad_status s) {
    switch (s) {
    case DYAD_OK: return "ok";
    case DYAD_EINVAL: return "invalid argument";
    case DYAD_EIO: return "i/o error";
    case DYAD_EFORMAT: return "bad input format";
    case DYAD_ENOMEM: return "out of memory or over a limit";
    case DYAD_ENOTIMPL: return "not available";
    case DYAD_EMODEL: return "model error";
    case DYAD_EDICT: return "dictionary error";
    case DYAD_EDB: return "store error";
    case DYAD_ETARGET: return "below target";
    }
    return "unknown error";
}

void dyad_error_clear(dyad_error *err) {
    if (!err) return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

void dyad_error_set(dyad_error *err, dyad_status s, const char *input, long line, long long offset,
                    const char *fmt, ...) {
    if (!err) return;
    err->status = s;
    err->line = line;
    err->offset = offset;
    snprintf(err->input, sizeof err->input, "%s", input ? input : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

const char *dyad_error_format(const dyad_error *err, char *buf, size_t cap) {
    char pos[64] = "";
    if (err->line > 0 && err->offset >= 0)
        snprintf(pos, sizeof pos, ":%ld (byte %lld)", err->line, err->offset);
    else if (err->line > 0)
        snprintf(pos, sizeof pos, ":%ld", err->line);
    else if (err->offset >= 0)
        snprintf(pos, sizeof pos, ": byte %lld", err->offset);
    snprintf(buf, cap, "%s%s: %s", err->input[0] ? err->input : "dyad", pos,
             err->message[0] ? err->message : dyad_status_str(err->status));
    return buf;
}
