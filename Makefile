# TalentScope build.  `make` builds ./talentscope; `make test` runs unit and
# end-to-end tests (plain and under ASan+UBSan) and ends with one line
# "N passed, N failed" (`make test T=csv CASE='quoted*'` runs one suite, or
# the cases of it whose names match); `make install` installs the command,
# the library, its header and talentscope.pc under PREFIX, honouring DESTDIR.

CC ?= cc
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
VERSION := $(shell sed -n 's/^\#define TS_VERSION "\(.*\)"/\1/p' include/talentscope.h)
WERROR ?= 1
OPT ?= -O3 -g
SANITIZE ?=
# Link-time optimisation for the plain build with gcc: calls across modules
# (the cube, memos and id maps from the ingest loop) inline, which
# bench/RESULTS.md measures.  LTO= turns it off; clang, whose LTO wants its
# own archiver, goes without.
ifneq ($(findstring clang,$(shell $(CC) --version 2>/dev/null | head -n 1)),)
LTO ?=
endif
LTO ?= -flto=auto

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wformat=2 -Wvla -fno-common
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif

ifeq ($(SANITIZE),)
BUILD ?= build
LTOFLAGS = $(LTO)
else
BUILD ?= build-san
SANFLAGS = -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

PKGS = libhs libzstd zlib xlsxwriter libxxhash
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lhs -lzstd -lz -lxlsxwriter -lxxhash)

CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc $(PKG_CFLAGS)
# Hidden by default: only what include/talentscope.h marks TS_API is the
# library's interface (see the public archive below).
CFLAGS += -std=c11 $(OPT) $(LTOFLAGS) $(WARNINGS) $(SANFLAGS) -fvisibility=hidden -MMD -MP
LDFLAGS += $(SANFLAGS) $(LTOFLAGS) $(if $(LTOFLAGS),$(OPT))
ifneq ($(LTOFLAGS),)
# the archive's symbol index must see into LTO objects
AR = gcc-ar
endif
LDLIBS += $(PKG_LIBS) -lpthread -lm

LIB_SRC := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
DATA_FILES := $(sort $(wildcard data/*.txt))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded_data.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
# Two archives of the same objects.  libtalentscope.a is the public one, the
# one installed: a single relocatable object whose only global symbols are
# the ts_ functions of include/talentscope.h, so that a host program's own
# strbuf_add or json_parse cannot collide with ours.  The command line links
# it too, since it needs nothing more than the public API: every e2e test
# then runs the library that is installed.  libtalentscope-internal.a keeps
# every module's symbols for the unit tests and the fuzz harnesses, which
# test the modules one by one.
LIB := $(BUILD)/libtalentscope.a
LIB_INTERNAL := $(BUILD)/libtalentscope-internal.a
LIB_PUBLIC_OBJ := $(BUILD)/libtalentscope.o
PC_UNINSTALLED := $(BUILD)/talentscope-uninstalled.pc

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
E2E_SRC := $(sort $(wildcard tests/e2e/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%) $(E2E_SRC:tests/e2e/%.c=$(BUILD)/tests/%)
TEST_SUPPORT_SRC := $(sort $(wildcard tests/support/*.c))
TEST_SUPPORT_OBJ := $(TEST_SUPPORT_SRC:%.c=$(BUILD)/%.o)

.SECONDARY:

.PHONY: all test unit-tests test-plain test-san install uninstall clean format demo bench \
	realdata fuzz

all: talentscope

talentscope: $(BUILD)/talentscope
	cp $< $@

$(BUILD)/talentscope: $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(LIB_INTERNAL): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

# The library's objects as one relocatable object, then every symbol that is
# not TS_API (hidden, from -fvisibility=hidden) made local to it.  With LTO
# the objects hold GIMPLE, not code: `-r -flinker-output=nolto-rel` runs the
# link-time optimiser over the whole library here and writes plain code, so
# the archive needs no LTO plugin and objcopy sees real symbols.  Hidden is
# not enough on its own: gcc gives the dispatcher of a target_clones function
# (an ifunc and its resolver) default visibility whatever -fvisibility says,
# so only the names declared TS_API in the header are kept global.
$(BUILD)/libtalentscope.sym: include/talentscope.h
	@mkdir -p $(dir $@)
	sed -n 's/^TS_API .*[ *]\(ts_[a-z_0-9]*\)(.*/\1/p' $< >$@

$(LIB_PUBLIC_OBJ): $(LIB_OBJ) $(BUILD)/libtalentscope.sym
	$(CC) -r -nostdlib $(if $(LTOFLAGS),$(LTOFLAGS) -flinker-output=nolto-rel $(OPT)) \
		-o $@.tmp $(LIB_OBJ)
	objcopy --localize-hidden --keep-global-symbols=$(BUILD)/libtalentscope.sym $@.tmp $@
	rm -f $@.tmp

$(LIB): $(LIB_PUBLIC_OBJ)
	rm -f $@
	ar rcs $@ $<

# talentscope.pc, written once for both uses: installed (prefix PREFIX) and
# -uninstalled (pointing into this tree, which pkg-config prefers when
# PKG_CONFIG_PATH holds $(BUILD)).  The archive is static, so Libs lists the
# libraries it needs; a sanitized build's also needs the sanitizer runtime.
# $(call pc_text,INCLUDEDIR,LIBDIR)
pc_text = printf '%s\n' 'includedir=$(1)' 'libdir=$(2)' '' 'Name: talentscope' \
	'Description: talent-market report engine' 'Version: $(VERSION)' \
	'Cflags: -I$${includedir}' \
	'Libs: -L$${libdir} -ltalentscope $(strip $(SANFLAGS) $(PKG_LIBS)) -lpthread -lm'

$(PC_UNINSTALLED): Makefile include/talentscope.h
	@mkdir -p $(dir $@)
	$(call pc_text,$(CURDIR)/include,$(CURDIR)/$(BUILD)) >$@

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

$(BUILD)/tests/%: tests/unit/%.c $(LIB_INTERNAL) $(TEST_SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< \
		$(TEST_SUPPORT_OBJ) $(LIB_INTERNAL) -lcmocka $(LDLIBS)

$(BUILD)/tests/%: tests/e2e/%.c $(LIB_INTERNAL) $(TEST_SUPPORT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< \
		$(TEST_SUPPORT_OBJ) $(LIB_INTERNAL) -lcmocka $(LDLIBS)

unit-tests: $(UNIT_BIN) $(BUILD)/talentscope $(LIB) $(PC_UNINSTALLED)

# The whole suite, plain and under the sanitizers; one closing count.
# T=NAME: only test_NAME, in both builds; CASE=PATTERN: only its cases whose
# names match (cmocka's filter, * and ?).  TEST_ARGS=-T prints each binary's
# CPU and wall seconds.
T ?=
CASE ?=
TEST_ARGS ?=
TEST_GOALS = $(if $(T),$(1)/tests/test_$(T) $(1)/talentscope $(1)/libtalentscope.a \
	$(1)/talentscope-uninstalled.pc,unit-tests)
TEST_RUN = TS_TEST_CASE='$(CASE)' sh tests/run.sh $(if $(T),-t $(T)) $(TEST_ARGS)

test:
	@sh scripts/deps.sh
	@$(MAKE) -j2 --no-print-directory $(call TEST_GOALS,build) >/dev/null
	@$(MAKE) -j2 --no-print-directory SANITIZE=address,undefined \
		$(call TEST_GOALS,build-san) >/dev/null
	@$(TEST_RUN) build build-san

# One build only (faster while developing): make test-plain [T=NAME CASE=…]
test-plain:
	@$(MAKE) -j2 --no-print-directory $(call TEST_GOALS,$(BUILD)) >/dev/null
	@$(TEST_RUN) $(BUILD)

install: $(BUILD)/talentscope $(LIB)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR)
	install -m 755 $(BUILD)/talentscope $(DESTDIR)$(BINDIR)/talentscope
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libtalentscope.a
	install -m 644 include/talentscope.h $(DESTDIR)$(INCLUDEDIR)/talentscope.h
	$(call pc_text,$(INCLUDEDIR),$(LIBDIR)) >$(DESTDIR)$(PKGCONFIGDIR)/talentscope.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/talentscope.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/talentscope $(DESTDIR)$(LIBDIR)/libtalentscope.a \
		$(DESTDIR)$(INCLUDEDIR)/talentscope.h $(DESTDIR)$(PKGCONFIGDIR)/talentscope.pc

demo: talentscope
	./talentscope demo -o demo

# Speed at scale against the DuckDB peer: bench/run.sh (options: bench/run.sh -h).
bench: talentscope
	bash bench/run.sh $(BENCH_ARGS)

# Cleaning and classifying measured on the real exports in ../shared/data/real.
realdata: talentscope
	@sh scripts/realdata.sh

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(wildcard src/*/*.h include/*.h tests/unit/*.c)

clean:
	rm -rf build build-san talentscope

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_SUPPORT_OBJ:.o=.d) $(UNIT_BIN:=.d)

# ---- fuzzing -----------------------------------------------------------------
# `make fuzz` builds one libFuzzer binary per harness of tests/fuzz/ with clang
# (ASan + UBSan, library in build-fuzz/) and runs each for FUZZ_SECONDS from
# the seeds of tests/fuzz/seeds/<target>/ and the kept crashers of
# tests/fuzz/regressions/<target>/.  New corpus inputs go to
# build-fuzz/corpus/<target>/, crashes to build-fuzz/artifacts/.  Choose
# targets with FUZZ_TARGETS="csv json".  Needs clang and libclang-rt-14-dev
# (scripts/fuzz-deps.sh installs them, or says how).  In the normal build the
# same harnesses are linked into test_fuzz_regressions, which replays the
# seeds and the crashers.
FUZZ_BUILD := build-fuzz
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 30
FUZZ_TARGETS ?= csv source json table salary date city education keywords roles options \
	survey
FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_BIN := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz/fuzz_%)
FUZZ_HARNESS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_HARNESS_OBJ := $(FUZZ_HARNESS:%.c=$(BUILD)/%.o)

.PHONY: fuzz fuzz-deps fuzz-build fuzz-clean

clean: fuzz-clean
fuzz-clean:
	rm -rf $(FUZZ_BUILD)

fuzz-deps:
	@sh scripts/fuzz-deps.sh

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory CC=$(FUZZ_CC) BUILD=$(FUZZ_BUILD) WERROR=0 \
		OPT="-O1 -g -DTS_SMALL_BUFFERS" SANITIZE=fuzzer-no-link,address,undefined \
		$(FUZZ_BUILD)/libtalentscope-internal.a
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

$(FUZZ_BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.c tests/fuzz/harness.h \
		$(FUZZ_BUILD)/libtalentscope-internal.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) -Itests -std=c11 -O1 -g -DTS_LIBFUZZER $(FUZZ_SAN) -o $@ $< \
		tests/fuzz/fuzz_util.c $(FUZZ_BUILD)/libtalentscope-internal.a $(LDLIBS)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		case $$t in \
		salary|date|city|education) len=256 ;; \
		roles|options) len=4096 ;; \
		keywords|survey) len=8192 ;; \
		*) len=16384 ;; \
		esac; \
		dirs="$(FUZZ_BUILD)/corpus/$$t"; \
		for d in tests/fuzz/seeds/$$t tests/fuzz/regressions/$$t; do \
			[ -d $$d ] && dirs="$$dirs $$d"; \
		done; \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts; \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s, max_len $$len"; \
		$(FUZZ_BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$len \
			-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- $$dirs \
			2>$(FUZZ_BUILD)/fuzz-$$t.log || { tail -40 $(FUZZ_BUILD)/fuzz-$$t.log; \
			echo "fuzz_$$t: crashed; see $(FUZZ_BUILD)/artifacts/"; exit 1; }; \
		grep -E '^stat::number_of_executed_units' $(FUZZ_BUILD)/fuzz-$$t.log || true; \
	done

# the regression replay links the harnesses (built by the normal compiler)
$(BUILD)/tests/test_fuzz_regressions: $(FUZZ_HARNESS_OBJ)
$(BUILD)/tests/test_fuzz_regressions: TEST_SUPPORT_OBJ += $(FUZZ_HARNESS_OBJ)
-include $(FUZZ_HARNESS_OBJ:.o=.d)
# ---- end of fuzzing -----------------------------------------------------------
