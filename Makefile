# TalentScope build.  `make` builds ./talentscope; `make test` runs unit and
# end-to-end tests (plain, then under ASan+UBSan) and ends with one line
# "N passed, N failed"; `make install` honours PREFIX and DESTDIR.

CC ?= cc
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
WERROR ?= 1
OPT ?= -O2 -g
SANITIZE ?=

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wformat=2 -Wvla -fno-common
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif

ifeq ($(SANITIZE),)
BUILD ?= build
else
BUILD ?= build-san
SANFLAGS = -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

PKGS = libhs libzstd zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lhs -lzstd -lz)

CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc $(PKG_CFLAGS)
CFLAGS += -std=c11 $(OPT) $(WARNINGS) $(SANFLAGS) -MMD -MP
LDFLAGS += $(SANFLAGS)
LDLIBS += $(PKG_LIBS) -lpthread -lm

LIB_SRC := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
DATA_FILES := $(sort $(wildcard data/*.txt))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded_data.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB := $(BUILD)/libtalentscope.a

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
E2E_SRC := $(sort $(wildcard tests/e2e/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%) $(E2E_SRC:tests/e2e/%.c=$(BUILD)/tests/%)
TEST_SUPPORT_SRC := $(sort $(wildcard tests/support/*.c))
TEST_SUPPORT_OBJ := $(TEST_SUPPORT_SRC:%.c=$(BUILD)/%.o)

.SECONDARY:

.PHONY: all test unit-tests test-plain test-san install clean format demo bench realdata fuzz

all: talentscope

talentscope: $(BUILD)/talentscope
	cp $< $@

$(BUILD)/talentscope: $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -c -o $@ $<

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -Wall -Wextra -o $@ $<

$(BUILD)/gen/embedded_data.c: $(BUILD)/tools/embed $(DATA_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ $(DATA_FILES)

$(BUILD)/gen/embedded_data.o: $(BUILD)/gen/embedded_data.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB) $(TEST_SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< \
		$(TEST_SUPPORT_OBJ) $(LIB) -lcmocka $(LDLIBS)

$(BUILD)/tests/%: tests/e2e/%.c $(LIB) $(TEST_SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< \
		$(TEST_SUPPORT_OBJ) $(LIB) -lcmocka $(LDLIBS)

unit-tests: $(UNIT_BIN) $(BUILD)/talentscope

# The whole suite, plain then under the sanitizers; one closing count.
test:
	@sh scripts/deps.sh
	@$(MAKE) -j2 --no-print-directory unit-tests >/dev/null
	@$(MAKE) -j2 --no-print-directory SANITIZE=address,undefined unit-tests >/dev/null
	@sh tests/run.sh build build-san

# One build only (faster while developing): make test-plain
test-plain: unit-tests
	@sh tests/run.sh $(BUILD)

install: talentscope
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 talentscope $(DESTDIR)$(BINDIR)/talentscope

demo: talentscope
	./talentscope demo -o demo

# Cleaning and classifying measured on the real exports in ../shared/data/real.
realdata: talentscope
	@sh scripts/realdata.sh

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(wildcard src/*/*.h include/*.h tests/unit/*.c)

clean:
	rm -rf build build-san talentscope

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
