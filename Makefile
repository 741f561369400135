# dyad - one Makefile. `make` builds build/libdyad.a, build/libdyad.so and build/dyad.
# `make SAN=1` builds with AddressSanitizer + UBSan into build-san/.
# Targets that need Debian packages call scripts/install-deps first.

PKGS      := libxml-2.0 zlib sqlite3 libutf8proc jansson
CC        ?= cc
SAN       ?= 0
BUILD     ?= $(if $(filter 1,$(SAN)),build-san,build)
OPT       ?= -O2
WARN      := -Wall -Wextra -Werror -Wno-unused-parameter -Wno-format-truncation
CFLAGS_PKG = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS_PKG   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
comma     := ,
SANON     := -fsanitize=address$(comma)undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
SANFLAGS  := $(if $(filter 1,$(SAN)),$(SANON),)
CFLAGS    += -std=c11 -D_GNU_SOURCE $(OPT) -g $(WARN) -fPIC -Iinclude -Isrc $(CFLAGS_PKG) $(SANFLAGS)
LDLIBS    += $(LIBS_PKG) -lpthread -lm
LDFLAGS   += $(SANFLAGS)

LIB_SRC   := $(sort $(wildcard src/*/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC  := $(sort $(wildcard tests/*.c))
TEST_OBJ  := $(TEST_SRC:%.c=$(BUILD)/%.o)
DEPS_OK   := $(BUILD)/.deps-ok

.PHONY: all deps test test-san eval bench demo fuzz clean
all: $(BUILD)/libdyad.a $(BUILD)/libdyad.so $(BUILD)/dyad

deps: $(DEPS_OK)
$(DEPS_OK): scripts/install-deps
	@bash scripts/install-deps
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libdyad.so: $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/dyad: $(BUILD)/tools/dyad.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/dyad-tests: $(TEST_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# All tests; the runner ends with "N passed, N failed". Needs no ../shared.
test: $(BUILD)/dyad-tests $(BUILD)/dyad
	@DYAD_BIN=$(abspath $(BUILD)/dyad) DYAD_ROOT=$(CURDIR) $(BUILD)/dyad-tests

# The same tests under AddressSanitizer and UBSan
test-san:
	@$(MAKE) --no-print-directory SAN=1 OPT=-O1 test

# Accuracy against ../shared (skips cleanly when it is absent)
eval: all
	@bash scripts/eval.sh

# Throughput figures (see bench/README.md)
bench: all
	@bash bench/run.sh

# The newcomer's first command: the main job on the shipped sample corpus
demo: all
	@bash scripts/demo.sh

# One libFuzzer target per reader and parser, each run for FUZZ_SECONDS
fuzz: | $(DEPS_OK)
	@bash fuzz/run.sh $(or $(FUZZ_SECONDS),20)

clean:
	rm -rf build build-san build-fuzz demo.db demo.db-wal demo.db-shm

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(BUILD)/tools/dyad.d
