/*
 * Salary text to a monthly CNY range (contract section 3).  Each posting's
 * salary cell goes through salary_parse, so the parser copies the cell once
 * into a small stack buffer in a normal form (white space dropped, ASCII
 * lower-cased, full-width forms folded to ASCII, every dash and 至/到 to '-',
 * middle dots and × to '*', thousands commas dropped) and then reads it with
 * a hand-written recursive-descent scanner:
 *
 *   [月薪|年薪|日薪|时薪] amount ['-' amount] suffix*
 *   amount = ['$'|usd|rmb|cny] number [k|w|万|千|百] [元|rmb|cny|usd]
 *   suffix = ('/'|每|per|a|an) period | 年薪 | '*'? N 薪 | 以上 | 以下 | 以内 | 起 | '+'
 *            | 左右 | 元 | rmb | cny | usd
 *
 * A label before a colon (`Employer Provided Salary:`) and a trailing
 * parenthesis (`(Glassdoor est.)`) are dropped first.  A unit written on one
 * end only applies to both (`1.5-2万`, `7-9千`) unless the bare end is 1000 or
 * more, a figure in yuan already (`8000-1.2万` is 8000 yuan to 1.2万).  Yuan are
 * monthly unless a period says otherwise; dollars are yearly unless a period
 * says otherwise (US boards quote annual pay) and are converted at
 * conv->usd_rate.  Year ÷ 12, day × workdays_per_month, hour × hours_per_day
 * × workdays_per_month.  `·14薪` is kept as months_per_year and does not
 * change the monthly figures.
 */
#include "clean/salary.h"

#include <math.h>
#include <stdint.h>

const struct salary_conventions salary_conventions_default = {
	.workdays_per_month = 21.75,
	.hours_per_day = 8.0,
	.usd_rate = 7.2,
	.plausible_min = 500.0,
	.plausible_max = 2000000.0,
};

enum { NORM_CAP = 256 };

enum period { PERIOD_NONE, PERIOD_MONTH, PERIOD_YEAR, PERIOD_DAY, PERIOD_HOUR };

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* One input character's normal form: appended to out, or nothing.  Returns
 * the number of input bytes consumed. */
static size_t norm_char(const unsigned char *p, size_t left, char *out, size_t *n)
{
	unsigned char c = p[0];
	unsigned char ascii = 0;
	size_t used = 1;

	if (c < 0x80) {
		ascii = c;
	} else if (left >= 2 && c == 0xC2 && (p[1] == 0xA0 || p[1] == 0xA5)) {
		return 2; /* no-break space, ¥ */
	} else if (left >= 2 && ((c == 0xC2 && p[1] == 0xB7) || (c == 0xC3 && p[1] == 0x97))) {
		ascii = '*', used = 2; /* · × */
	} else if (left >= 3 && c == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95) {
		ascii = '-', used = 3; /* ‐ ‑ ‒ – — ― */
	} else if (left >= 3 && c == 0xE2 && p[1] == 0x80 && p[2] == 0xA2) {
		ascii = '*', used = 3; /* • */
	} else if (left >= 3 && c == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
		return 3; /* ideographic space */
	} else if (left >= 3 && c == 0xE3 && p[1] == 0x80 && p[2] == 0x9C) {
		ascii = '-', used = 3; /* 〜 */
	} else if (left >= 3 && c == 0xE3 && p[1] == 0x83 && p[2] == 0xBB) {
		ascii = '*', used = 3; /* ・ */
	} else if (left >= 3 && c == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF) {
		ascii = (unsigned char)(p[2] - 0x60), used = 3; /* U+FF01..U+FF3F */
	} else if (left >= 3 && c == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0x9E) {
		ascii = (unsigned char)(p[2] - 0x20), used = 3; /* U+FF40..U+FF5E */
	} else if (left >= 3 && c == 0xEF && p[1] == 0xBF && p[2] == 0xA5) {
		return 3; /* ￥ */
	} else if (left >= 3 && ((c == 0xE8 && p[1] == 0x87 && p[2] == 0xB3) ||
				 (c == 0xE5 && p[1] == 0x88 && p[2] == 0xB0))) {
		ascii = '-', used = 3; /* 至 到 */
	} else {
		/* Any other byte is copied as it is (the rest of its sequence
		 * follows on the next calls). */
		if (*n >= NORM_CAP)
			return 0;
		out[(*n)++] = (char)c;
		return 1;
	}

	if (ascii_space(ascii))
		return used;
	if (ascii >= 'A' && ascii <= 'Z')
		ascii = (unsigned char)(ascii + ('a' - 'A'));
	else if (ascii == '~')
		ascii = '-';
	if (*n >= NORM_CAP)
		return 0;
	out[(*n)++] = (char)ascii;
	return used;
}

/* Writes the normal form of text into out; false when it does not fit. */
static bool normalise(struct slice text, char *out, size_t *len)
{
	const unsigned char *p = (const unsigned char *)text.ptr;
	size_t i = 0, n = 0;
	while (i < text.len) {
		/* A thousands comma: digit before, exactly three digits after. */
		if (p[i] == ',' && n > 0 && is_digit((unsigned char)out[n - 1]) && text.len - i > 3 &&
		    is_digit(p[i + 1]) && is_digit(p[i + 2]) && is_digit(p[i + 3]) &&
		    (text.len - i == 4 || !is_digit(p[i + 4]))) {
			i++;
			continue;
		}
		size_t used = norm_char(p + i, text.len - i, out, &n);
		if (used == 0)
			return false;
		i += used;
	}
	*len = n;
	return true;
}

struct cursor {
	const char *p, *end;
};

static bool eat(struct cursor *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
		return false;
	c->p += n;
	return true;
}

static bool contains(const char *s, size_t n, const char *lit)
{
	size_t m = strlen(lit);
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(s + i, lit, m) == 0)
			return true;
	return false;
}

static bool equals(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* A decimal number of at most 9 integer and 6 fraction digits. */
static bool read_number(struct cursor *c, double *out)
{
	const char *p = c->p;
	uint64_t mant = 0;
	int ndig = 0, nfrac = 0;
	while (p < c->end && is_digit((unsigned char)*p)) {
		if (++ndig > 9)
			return false;
		mant = mant * 10 + (uint64_t)(*p++ - '0');
	}
	if (ndig == 0)
		return false;
	if (p + 1 < c->end && *p == '.' && is_digit((unsigned char)p[1])) {
		p++;
		while (p < c->end && is_digit((unsigned char)*p)) {
			if (++nfrac > 6)
				return false;
			mant = mant * 10 + (uint64_t)(*p++ - '0');
		}
	}
	static const double pow10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	*out = (double)mant / pow10[nfrac];
	c->p = p;
	return true;
}

struct amount {
	double value;
	double unit; /* 0 when none written */
	bool dollar;
};

static bool read_amount(struct cursor *c, struct amount *a)
{
	a->dollar = eat(c, "$") || eat(c, "usd");
	if (!a->dollar)
		(void)(eat(c, "rmb") || eat(c, "cny"));
	a->unit = 0;
	if (!read_number(c, &a->value))
		return false;
	if (eat(c, "k") || eat(c, "千"))
		a->unit = 1e3;
	else if (eat(c, "w") || eat(c, "万"))
		a->unit = 1e4;
	else if (eat(c, "百"))
		a->unit = 1e2;
	if (eat(c, "元") || eat(c, "rmb") || eat(c, "cny"))
		; /* yuan, the default */
	else if (eat(c, "usd"))
		a->dollar = true;
	return true;
}

/* A period word after '/', 每, per, a or an. */
static enum period read_period_word(struct cursor *c)
{
	if (eat(c, "年薪") || eat(c, "年") || eat(c, "year") || eat(c, "yr") || eat(c, "annum"))
		return PERIOD_YEAR;
	if (eat(c, "月") || eat(c, "month") || eat(c, "mo"))
		return PERIOD_MONTH;
	if (eat(c, "天") || eat(c, "日") || eat(c, "day"))
		return PERIOD_DAY;
	if (eat(c, "小时") || eat(c, "时") || eat(c, "hour") || eat(c, "hr") || eat(c, "h"))
		return PERIOD_HOUR;
	return PERIOD_NONE;
}

static bool set_period(enum period *have, enum period p)
{
	if (p == PERIOD_NONE || (*have != PERIOD_NONE && *have != p))
		return false;
	*have = p;
	return true;
}

enum salary_status salary_check(const struct salary *s, const struct salary_conventions *conv)
{
	if (!conv)
		conv = &salary_conventions_default;
	if (!isfinite(s->min) || !isfinite(s->max) || s->min > s->max ||
	    s->min < conv->plausible_min || s->max > conv->plausible_max)
		return SALARY_IMPLAUSIBLE;
	return SALARY_OK;
}

/* Drops a trailing parenthesis and a label before a colon. */
static void strip_decorations(const char **s, size_t *n)
{
	while (*n && (*s)[*n - 1] == ')') {
		size_t i = *n - 1;
		while (i > 0 && (*s)[i] != '(')
			i--;
		if ((*s)[i] != '(')
			break;
		*n = i;
	}
	for (size_t i = *n; i-- > 0;) {
		if ((*s)[i] != ':')
			continue;
		for (size_t k = 0; k < i; k++)
			if (is_digit((unsigned char)(*s)[k]))
				return;
		*s += i + 1;
		*n -= i + 1;
		return;
	}
}

static bool is_missing(const char *s, size_t n)
{
	static const char *const markers[] = { "", "-1", "-", "--", "n/a", "na", "null",
					       "none", "nan", "unknown" };
	for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
		if (equals(s, n, markers[i]))
			return true;
	return contains(s, n, "面议") || contains(s, n, "negotiable");
}

enum salary_status salary_parse(struct slice text, const struct salary_conventions *conv,
				struct salary *out)
{
	char buf[NORM_CAP];
	size_t n;
	if (!conv)
		conv = &salary_conventions_default;
	if (!normalise(text, buf, &n))
		return SALARY_UNPARSED;
	const char *s = buf;
	strip_decorations(&s, &n);
	if (is_missing(s, n))
		return SALARY_UNKNOWN;

	struct cursor c = { s, s + n };
	enum period period = PERIOD_NONE;
	if (eat(&c, "月薪"))
		period = PERIOD_MONTH;
	else if (eat(&c, "年薪"))
		period = PERIOD_YEAR;
	else if (eat(&c, "日薪"))
		period = PERIOD_DAY;
	else if (eat(&c, "时薪"))
		period = PERIOD_HOUR;

	struct amount lo, hi;
	bool range = false;
	if (!read_amount(&c, &lo))
		return SALARY_UNPARSED;
	if (eat(&c, "-")) {
		if (!read_amount(&c, &hi))
			return SALARY_UNPARSED;
		range = true;
	} else {
		hi = lo;
	}

	bool open = false, dollar = lo.dollar || hi.dollar;
	int months = 0;
	while (c.p < c.end) {
		if (eat(&c, "/") || eat(&c, "每") || eat(&c, "per") || eat(&c, "an") ||
		    eat(&c, "a")) {
			if (!set_period(&period, read_period_word(&c)))
				return SALARY_UNPARSED;
		} else if (eat(&c, "年薪")) {
			if (!set_period(&period, PERIOD_YEAR))
				return SALARY_UNPARSED;
		} else if (*c.p == '*' || is_digit((unsigned char)*c.p)) {
			if (*c.p == '*')
				c.p++;
			int v = 0, nd = 0;
			while (c.p < c.end && is_digit((unsigned char)*c.p) && nd < 3) {
				v = v * 10 + (*c.p++ - '0');
				nd++;
			}
			if (nd == 0 || months || !eat(&c, "薪") || v < 1 || v > 99)
				return SALARY_UNPARSED;
			months = v;
		} else if (eat(&c, "以上") || eat(&c, "起") || eat(&c, "+") || eat(&c, "以下") ||
			   eat(&c, "以内")) {
			open = true;
		} else if (eat(&c, "左右") || eat(&c, "元") || eat(&c, "rmb") || eat(&c, "cny")) {
			;
		} else if (eat(&c, "usd")) {
			dollar = true;
		} else {
			return SALARY_UNPARSED;
		}
	}

	/* A unit on one end only serves both, unless the bare end is already
	 * a figure in yuan (8000-1.2万: 1000 or more). */
	if (range) {
		if (lo.unit == 0 && hi.unit != 0)
			lo.unit = lo.value < 1000 ? hi.unit : 1;
		else if (hi.unit == 0 && lo.unit != 0)
			hi.unit = hi.value < 1000 ? lo.unit : 1;
	}
	double min = lo.value * (lo.unit ? lo.unit : 1);
	double max = hi.value * (hi.unit ? hi.unit : 1);

	if (period == PERIOD_NONE)
		period = dollar ? PERIOD_YEAR : PERIOD_MONTH;
	double mul = 1, div = 1;
	switch (period) {
	case PERIOD_YEAR:
		div = 12;
		break;
	case PERIOD_DAY:
		mul = conv->workdays_per_month;
		break;
	case PERIOD_HOUR:
		mul = conv->hours_per_day * conv->workdays_per_month;
		break;
	case PERIOD_NONE:
	case PERIOD_MONTH:
		break;
	}
	if (dollar)
		mul *= conv->usd_rate;

	out->min = min * mul / div;
	out->max = max * mul / div;
	out->months_per_year = months;
	if (period == PERIOD_YEAR)
		out->basis = SALARY_ANNUAL;
	else if (period == PERIOD_DAY)
		out->basis = SALARY_DAILY;
	else if (period == PERIOD_HOUR)
		out->basis = SALARY_HOURLY;
	else if (open && !range)
		out->basis = SALARY_OPEN_ENDED;
	else
		out->basis = range ? SALARY_RANGE : SALARY_SINGLE;
	return salary_check(out, conv);
}
