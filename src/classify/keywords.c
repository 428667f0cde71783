/*
 * Keyword lists and their compiled sets.  A list is parsed from the plain
 * text analysts edit (data/keywords.txt, --keywords FILE); a set compiles a
 * list once into one Vectorscan literal database, so that matching a text
 * against every keyword is a single pass however long the list.  Literals
 * are compiled with HS_FLAG_CASELESS, which Vectorscan applies to the ASCII
 * letters only: Latin letters match case-insensitively and every byte of a
 * multi-byte UTF-8 character (all ≥ 0x80) exactly, as the contract asks.
 * Because UTF-8 is self-synchronising, a valid keyword can only match a
 * valid text on character boundaries.  The database is read-only and shared
 * by threads; each thread brings its own scratch.
 */
#include "classify/keywords.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hs.h>

#include "clean/text.h"
#include "util/error.h"
#include "util/xalloc.h"

struct keyword_set {
	hs_database_t *db;
	size_t n;
	size_t max_len; /* longest keyword in bytes: chunk overlap for huge texts */
};

/*
 * Found by fuzzing (tests/fuzz/fuzz_keywords.c): Vectorscan 5.4.9, Debian 12's,
 * misses literal matches that end in the last 64 bytes of the scanned buffer
 * on AVX-512 machines, depending on the buffer's alignment (its SIMD tail
 * handling; upstream fixed such bugs in later releases).  {a, ab} over 127
 * dots then "a" is found at 1 alignment in 64.  Matches ending earlier are
 * found, and so is everything when TAIL_PAD NUL bytes follow the text (no
 * keyword holds a NUL, so the padding matches nothing).  So a text is
 * scanned from a copy followed by TAIL_PAD NULs when short, and a long text
 * is scanned in place and then its tail, padded, again.
 */
#define TAIL_PAD 64
#define SHORT_TEXT 4096

struct keyword_scratch {
	hs_scratch_t *hs;
	char *buf; /* SHORT_TEXT + max_len + TAIL_PAD bytes: padded copies */
	size_t cap;
};

/* ---- parsing ---------------------------------------------------------- */

static uint64_t keyword_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a over folded bytes */
	for (size_t i = 0; i < len; i++) {
		h ^= ascii_lower((unsigned char)s[i]);
		h *= 1099511628211u;
	}
	return h;
}

/* Open-addressing table of indices into the words being collected. */
struct seen {
	size_t *slots; /* index + 1, 0 = empty */
	size_t cap;    /* power of two */
};

static void seen_grow(struct seen *seen, char **words, size_t n)
{
	size_t cap = seen->cap ? seen->cap * 2 : 64;
	size_t *slots = xcalloc(cap, sizeof(*slots));
	for (size_t i = 0; i < n; i++) {
		size_t at = (size_t)keyword_hash(words[i], strlen(words[i])) & (cap - 1);
		while (slots[at])
			at = (at + 1) & (cap - 1);
		slots[at] = i + 1;
	}
	free(seen->slots);
	seen->slots = slots;
	seen->cap = cap;
}

/* Adds word unless an equal one is there; returns whether it was added. */
static bool seen_add(struct seen *seen, char ***words, size_t *n, size_t *cap, struct slice w)
{
	if ((*n + 1) * 2 > seen->cap)
		seen_grow(seen, *words, *n);
	size_t at = (size_t)keyword_hash(w.ptr, w.len) & (seen->cap - 1);
	while (seen->slots[at]) {
		const char *other = (*words)[seen->slots[at] - 1];
		if (slice_case_eq(slice_cstr(other), w))
			return false;
		at = (at + 1) & (seen->cap - 1);
	}
	GROW(*words, *cap, *n + 1);
	(*words)[*n] = xstrndup(w.ptr, w.len);
	seen->slots[at] = ++*n;
	return true;
}

enum ts_status keyword_list_parse(const char *text, size_t len, const char *source_name,
				  struct keyword_list *out, struct ts_error *err)
{
	struct seen seen = { NULL, 0 };
	char **words = NULL;
	size_t n = 0, cap = 0;
	enum ts_status status = TS_OK;

	out->n = 0;
	out->words = NULL;
	struct text_lines lines;
	text_lines_init(&lines, text, len, source_name, "keyword list");
	struct slice line;
	while (text_lines_next(&lines, &line, err))
		seen_add(&seen, &words, &n, &cap, line);
	if (lines.failed) {
		status = TS_ECONFIG;
		goto fail;
	}
	free(seen.slots);
	if (n == 0) {
		free(words);
		return error_set(err, TS_ECONFIG, source_name, 0, "keyword list is empty");
	}
	out->n = n;
	out->words = words;
	return TS_OK;
fail:
	free(seen.slots);
	for (size_t i = 0; i < n; i++)
		free(words[i]);
	free(words);
	return status;
}

void keyword_list_release(struct keyword_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->n; i++)
		free(list->words[i]);
	free(list->words);
	list->words = NULL;
	list->n = 0;
}

/* ---- compiling -------------------------------------------------------- */

/* Compiles words[i] for i in keep (all when keep is NULL), each reported
 * as its index in the list. */
static enum ts_status compile_words(hs_database_t **db, const struct keyword_list *list,
				    const bool *keep, struct ts_error *err)
{
	size_t n = list->n, k = 0;
	const char **words = xmalloc(n * sizeof(*words));
	size_t *lens = xmalloc(n * sizeof(*lens));
	unsigned *flags = xmalloc(n * sizeof(*flags));
	unsigned *ids = xmalloc(n * sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		if (keep && !keep[i])
			continue;
		words[k] = list->words[i];
		lens[k] = strlen(list->words[i]);
		flags[k] = HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH;
		ids[k++] = (unsigned)i;
	}
	hs_compile_error_t *cerr = NULL;
	enum ts_status status = TS_OK;
	*db = NULL;
	if (hs_compile_lit_multi(words, flags, ids, lens, (unsigned)k, HS_MODE_BLOCK, NULL, db,
				 &cerr) != HS_SUCCESS) {
		if (cerr && cerr->expression >= 0 && (size_t)cerr->expression < k)
			status = error_set(err, TS_ECONFIG, NULL, 0, "cannot compile keyword '%s': %s",
					   words[cerr->expression], cerr->message);
		else
			status = error_set(err, TS_ECONFIG, NULL, 0, "cannot compile keywords: %s",
					   cerr ? cerr->message : "unknown error");
		hs_free_compile_error(cerr);
	}
	free(words);
	free(lens);
	free(flags);
	free(ids);
	return status;
}

/* below, with the other scans */
static bool scan_padded(const struct keyword_set *set, struct keyword_scratch *scratch,
			const char *p, size_t n, match_event_handler cb, void *ctx,
			unsigned long long *base, unsigned long long base0);

struct inside {
	unsigned word;  /* the keyword scanned */
	size_t len;     /* its length */
	bool dominated;
};

/* A keyword found inside the scanned one that would be reported before it
 * wherever the scanned one matches. */
static int on_inside(unsigned int id, unsigned long long from, unsigned long long to,
		     unsigned int flags, void *ctx)
{
	struct inside *in = ctx;
	(void)from;
	(void)flags;
	if (id == in->word || to > in->len)
		return 0;
	if (to < in->len || id < in->word) {
		in->dominated = true;
		return 1;
	}
	return 0;
}

/*
 * Which keywords can never be the first match (see on_first): a keyword L
 * holding another keyword S that ends before L's end, or at L's end with S
 * listed earlier (a duplicate, or 工程师 listed before 算法工程师).  Wherever
 * L matches, S matches too and wins, so dropping L changes no answer of
 * keyword_set_first or _matches, while Vectorscan scans a smaller set (the
 * default list: 63 keywords, 7 dominated).  Found by scanning
 * each keyword with the database of them all.  NULL when none is.
 */
static bool *undominated(const struct keyword_set *set, const struct keyword_list *list)
{
	struct keyword_scratch *scratch = keyword_scratch_new(set);
	if (!scratch)
		return NULL;
	bool *keep = xmalloc(list->n * sizeof(*keep));
	size_t dropped = 0;
	for (size_t i = 0; i < list->n; i++) {
		struct inside in = { (unsigned)i, strlen(list->words[i]), false };
		unsigned long long base;
		scan_padded(set, scratch, list->words[i], in.len, on_inside, &in, &base, 0);
		keep[i] = !in.dominated;
		dropped += in.dominated;
	}
	keyword_scratch_free(scratch);
	if (!dropped) {
		free(keep);
		return NULL;
	}
	return keep;
}

enum ts_status keyword_set_compile(struct keyword_set **out, const struct keyword_list *list,
				   struct ts_error *err)
{
	*out = NULL;
	if (!list || list->n == 0)
		return error_set(err, TS_ECONFIG, NULL, 0, "keyword list is empty");
	if (list->n > INT_MAX)
		return error_set(err, TS_ECONFIG, NULL, 0, "too many keywords (%zu)", list->n);
	struct keyword_set *set = xmalloc(sizeof(*set));
	set->n = list->n;
	set->max_len = 0;
	for (size_t i = 0; i < list->n; i++) {
		size_t len = strlen(list->words[i]);
		if (len > set->max_len)
			set->max_len = len;
	}
	enum ts_status status = compile_words(&set->db, list, NULL, err);
	bool *keep = status == TS_OK ? undominated(set, list) : NULL;
	if (keep) {
		hs_database_t *all = set->db;
		status = compile_words(&set->db, list, keep, err);
		free(keep);
		hs_free_database(all);
	}
	if (status != TS_OK) {
		free(set);
		return status;
	}
	*out = set;
	return TS_OK;
}

void keyword_set_free(struct keyword_set *set)
{
	if (!set)
		return;
	hs_free_database(set->db);
	free(set);
}

struct keyword_scratch *keyword_scratch_new(const struct keyword_set *set)
{
	struct keyword_scratch *scratch = xmalloc(sizeof(*scratch));
	scratch->hs = NULL;
	if (hs_alloc_scratch(set->db, &scratch->hs) != HS_SUCCESS) {
		free(scratch);
		return NULL;
	}
	scratch->cap = SHORT_TEXT + set->max_len + TAIL_PAD;
	scratch->buf = xmalloc(scratch->cap);
	return scratch;
}

void keyword_scratch_free(struct keyword_scratch *scratch)
{
	if (!scratch)
		return;
	hs_free_scratch(scratch->hs);
	free(scratch->buf);
	free(scratch);
}

char *keyword_scratch_room(struct keyword_scratch *scratch, size_t len)
{
	return scratch && len <= SHORT_TEXT ? scratch->buf : NULL;
}

/* ---- matching --------------------------------------------------------- */

struct first_match {
	unsigned long long base; /* offset of the chunk being scanned */
	unsigned long long to;   /* end of the best match so far */
	long id;                 /* its keyword, -1 when none */
};

static int on_any(unsigned int id, unsigned long long from, unsigned long long to,
		  unsigned int flags, void *ctx)
{
	(void)id;
	(void)from;
	(void)to;
	(void)flags;
	*(bool *)ctx = true;
	return 1; /* membership is all we need: stop */
}

/* Vectorscan reports block-mode matches in order of end offset, those ending
 * at the same offset in no set order: keep the lowest index among the
 * earliest ends and stop once a later end comes. */
static int on_first(unsigned int id, unsigned long long from, unsigned long long to,
		    unsigned int flags, void *ctx)
{
	struct first_match *m = ctx;
	(void)from;
	(void)flags;
	to += m->base;
	if (m->id >= 0 && to > m->to)
		return 1;
	if (m->id < 0 || to < m->to || (long)id < m->id) {
		m->to = to;
		m->id = (long)id;
	}
	return 0;
}

/* Scans p[0, n) + TAIL_PAD NULs through a padded copy (n <= SHORT_TEXT +
 * max_len); matches are reported at offsets from p plus *base = base0.
 * Returns false when the callback terminated the scan. */
static bool scan_padded(const struct keyword_set *set, struct keyword_scratch *scratch,
			const char *p, size_t n, match_event_handler cb, void *ctx,
			unsigned long long *base, unsigned long long base0)
{
	if (p != scratch->buf) /* else built there (keyword_scratch_room) */
		memcpy(scratch->buf, p, n);
	memset(scratch->buf + n, 0, TAIL_PAD);
	*base = base0;
	return hs_scan(set->db, scratch->buf, (unsigned)(n + TAIL_PAD), 0, scratch->hs, cb,
		       ctx) == HS_SUCCESS;
}

/* Scans text: a short one as a padded copy; a long one in place, in chunks
 * that hs_scan's unsigned length can take (overlapping by the longest
 * keyword and TAIL_PAD so that no match is lost at a seam or in a chunk's
 * unreliable tail), then its tail window again, padded (see TAIL_PAD).
 * Stops once a scan was terminated by the callback. */
static void scan_text(const struct keyword_set *set, struct keyword_scratch *scratch,
		      struct slice text, match_event_handler cb, void *ctx,
		      unsigned long long *base)
{
	/* A text no longer than one tail window fits the padded copy whole
	 * (the scratch holds SHORT_TEXT + max_len + TAIL_PAD bytes). */
	if (text.len <= SHORT_TEXT || text.len <= TAIL_PAD + set->max_len) {
		scan_padded(set, scratch, text.ptr, text.len, cb, ctx, base, 0);
		return;
	}
	const size_t chunk_max = UINT_MAX;
	size_t start = 0;
	for (;;) {
		size_t len = text.len - start;
		if (len > chunk_max)
			len = chunk_max;
		*base = start;
		hs_error_t rc = hs_scan(set->db, text.ptr + start, (unsigned)len, 0, scratch->hs,
					cb, ctx);
		if (rc != HS_SUCCESS)
			return;
		if (start + len >= text.len)
			break;
		start += len - (set->max_len + TAIL_PAD);
	}
	/* the last TAIL_PAD bytes, with every keyword that may end there */
	size_t window = TAIL_PAD + set->max_len;
	scan_padded(set, scratch, text.ptr + text.len - window, window, cb, ctx, base,
		    text.len - window);
}

bool keyword_set_matches(const struct keyword_set *set, struct keyword_scratch *scratch,
			 struct slice text)
{
	bool found = false;
	unsigned long long base = 0;
	if (text.len == 0)
		return false;
	scan_text(set, scratch, text, on_any, &found, &base);
	return found;
}

int keyword_set_first(const struct keyword_set *set, struct keyword_scratch *scratch,
		      struct slice text)
{
	size_t end;
	return keyword_set_first_end(set, scratch, text, &end);
}

int keyword_set_first_end(const struct keyword_set *set, struct keyword_scratch *scratch,
			  struct slice text, size_t *end)
{
	struct first_match m = { 0, 0, -1 };
	*end = 0;
	if (text.len == 0)
		return -1;
	scan_text(set, scratch, text, on_first, &m, &m.base);
	if (m.id >= 0)
		*end = (size_t)m.to;
	return (int)m.id;
}
