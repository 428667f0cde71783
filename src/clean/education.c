/*
 * Education levels (contract section 4).  Real exports rarely hold the bare
 * level: BOSS直聘 joins experience and education (`1-3年本科`,
 * `经验不限学历不限`, `4天/周3个月硕士`), others write `统招本科及以上` or English
 * words.  So the level words are looked for anywhere in the text, and when
 * several occur (`本科/硕士`) the lowest wins, since the field is a minimum.
 * Only when no level word occurs does 不限 (not the one of 经验不限) or an
 * English any/none make the level 不限; anything else is 未知.  English words
 * match case-insensitively and only as whole words (`any` is not in
 * `company`).
 */
#include "clean/education.h"

#include "clean/text.h"

struct level_word {
	const char *text;
	enum education_level level;
};

/* Chinese level words, matched as substrings, each of two CJK characters.
 * 研究生 is handled apart: in 博士研究生 it belongs to the doctorate. */
static const struct level_word chinese_words[] = {
	{ "初中", EDUCATION_SECONDARY }, { "中专", EDUCATION_SECONDARY },
	{ "中技", EDUCATION_SECONDARY }, { "高中", EDUCATION_SECONDARY },
	{ "职高", EDUCATION_SECONDARY }, { "技校", EDUCATION_SECONDARY },
	{ "大专", EDUCATION_ASSOCIATE }, { "专科", EDUCATION_ASSOCIATE },
	{ "高职", EDUCATION_ASSOCIATE }, { "本科", EDUCATION_BACHELOR },
	{ "学士", EDUCATION_BACHELOR },  { "硕士", EDUCATION_MASTER },
	{ "博士", EDUCATION_DOCTOR },
};

/* English words, whole words, any case. */
static const struct level_word english_words[] = {
	{ "high school", EDUCATION_SECONDARY }, { "secondary", EDUCATION_SECONDARY },
	{ "associate", EDUCATION_ASSOCIATE },   { "associates", EDUCATION_ASSOCIATE },
	{ "associate's", EDUCATION_ASSOCIATE }, { "bachelor", EDUCATION_BACHELOR },
	{ "bachelors", EDUCATION_BACHELOR },    { "bachelor's", EDUCATION_BACHELOR },
	{ "bsc", EDUCATION_BACHELOR },          { "undergraduate", EDUCATION_BACHELOR },
	{ "master", EDUCATION_MASTER },         { "masters", EDUCATION_MASTER },
	{ "master's", EDUCATION_MASTER },       { "msc", EDUCATION_MASTER },
	{ "mba", EDUCATION_MASTER },            { "emba", EDUCATION_MASTER },
	{ "postgraduate", EDUCATION_MASTER },   { "doctor", EDUCATION_DOCTOR },
	{ "doctorate", EDUCATION_DOCTOR },      { "doctoral", EDUCATION_DOCTOR },
	{ "phd", EDUCATION_DOCTOR },            { "ph.d", EDUCATION_DOCTOR },
	{ "ph.d.", EDUCATION_DOCTOR },
};

static const struct level_word english_any[] = {
	{ "any", EDUCATION_ANY },
	{ "none", EDUCATION_ANY },
	{ "no requirement", EDUCATION_ANY },
	{ "not required", EDUCATION_ANY },
	{ "unlimited", EDUCATION_ANY },
};

/* Position of lit in s at or after from; s.len + 1 when absent. */
static size_t find(struct slice s, size_t from, const char *lit)
{
	size_t m = strlen(lit);
	for (size_t i = from; i + m <= s.len; i++)
		if (memcmp(s.ptr + i, lit, m) == 0)
			return i;
	return s.len + 1;
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* lit occurs in s, any ASCII case, with no Latin letter on either side. */
static bool has_word(struct slice s, const char *lit)
{
	size_t m = strlen(lit);
	char first = (char)(lit[0] | 0x20);
	for (size_t i = 0; i + m <= s.len; i++) {
		if ((char)(s.ptr[i] | 0x20) != first || (i > 0 && is_alpha(s.ptr[i - 1])))
			continue;
		if (i + m < s.len && is_alpha(s.ptr[i + m]))
			continue;
		if (slice_case_eq(slice_make(s.ptr + i, m), slice_make(lit, m)))
			return true;
	}
	return false;
}

static bool preceded_by(struct slice s, size_t at, const char *lit)
{
	size_t m = strlen(lit);
	return at >= m && memcmp(s.ptr + at - m, lit, m) == 0;
}

/* 不限 / 无要求 that is not about experience (经验不限, 经验无要求). */
static bool has_no_requirement(struct slice s, const char *lit)
{
	for (size_t at = find(s, 0, lit); at <= s.len; at = find(s, at + 1, lit))
		if (!preceded_by(s, at, "经验") && !preceded_by(s, at, "工作"))
			return true;
	return false;
}

static bool has_ascii(struct slice s)
{
	for (size_t i = 0; i < s.len; i++)
		if (is_alpha(s.ptr[i]))
			return true;
	return false;
}

enum education_level education_parse(struct slice text)
{
	enum education_level best = EDUCATION_COUNT; /* lowest level seen */
	text = slice_trim(text);
	if (text.len == 0)
		return EDUCATION_UNKNOWN;

	/* One pass: every Chinese level word is two CJK characters (6 bytes),
	 * whose lead byte is 0xE4 or above. */
	const unsigned char *p = (const unsigned char *)text.ptr;
	for (size_t i = 0; i + 6 <= text.len; i++) {
		if (p[i] < 0xE4)
			continue;
		for (size_t k = 0; k < sizeof chinese_words / sizeof chinese_words[0]; k++) {
			const unsigned char *w = (const unsigned char *)chinese_words[k].text;
			if (w[0] == p[i] && w[1] == p[i + 1] && w[2] == p[i + 2] &&
			    memcmp(w + 3, p + i + 3, 3) == 0 && chinese_words[k].level < best)
				best = chinese_words[k].level;
		}
	}
	if (best > EDUCATION_MASTER) {
		for (size_t at = find(text, 0, "研究生"); at <= text.len;
		     at = find(text, at + 1, "研究生")) {
			if (!preceded_by(text, at, "博士")) {
				best = EDUCATION_MASTER;
				break;
			}
		}
	}
	bool ascii = has_ascii(text);
	if (ascii)
		for (size_t i = 0; i < sizeof english_words / sizeof english_words[0]; i++)
			if (english_words[i].level < best && has_word(text, english_words[i].text))
				best = english_words[i].level;
	if (best != EDUCATION_COUNT)
		return best;

	if (has_no_requirement(text, "不限") || has_no_requirement(text, "无要求") ||
	    find(text, 0, "无学历要求") <= text.len)
		return EDUCATION_ANY;
	if (ascii)
		for (size_t i = 0; i < sizeof english_any / sizeof english_any[0]; i++)
			if (has_word(text, english_any[i].text))
				return EDUCATION_ANY;
	return EDUCATION_UNKNOWN;
}

const char *education_name(enum education_level level)
{
	static const char *const names[EDUCATION_COUNT] = {
		[EDUCATION_UNKNOWN] = "未知",   [EDUCATION_ANY] = "不限",
		[EDUCATION_SECONDARY] = "中专及以下", [EDUCATION_ASSOCIATE] = "大专",
		[EDUCATION_BACHELOR] = "本科",  [EDUCATION_MASTER] = "硕士",
		[EDUCATION_DOCTOR] = "博士",
	};
	if ((unsigned)level >= EDUCATION_COUNT)
		return names[EDUCATION_UNKNOWN];
	return names[level];
}
