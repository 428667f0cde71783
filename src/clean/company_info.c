/*
 * Splitting `互联网A轮1000-9999人`: the head count is read from the end (it is
 * always last), then the funding stage is found among the names boards use;
 * what is left in front is the industry.  Industries contain `/` and digits
 * rarely, stages never, so reading the size from the right and the stage by
 * name is unambiguous on the real exports.
 */
#include "clean/company_info.h"

#include <string.h>

/* Longest names first where one is the tail of another (A+轮 before A轮). */
static const char *const stages[] = {
	"D轮及以上", "E轮及以上", "不需要融资", "天使轮", "Pre-A轮", "A+轮", "B+轮", "A轮", "B轮",
	"C轮", "D轮", "已上市", "未融资", "战略投资", "上市公司",
};

static bool ends_with(struct slice s, const char *lit, size_t n)
{
	return s.len >= n && memcmp(s.ptr + s.len - n, lit, n) == 0;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the trailing head count of s, 0 when none. */
static size_t size_tail(struct slice s)
{
	size_t end = s.len;
	static const char *const suffixes[] = { "以上", "以下" };
	for (size_t i = 0; i < 2; i++)
		if (ends_with(slice_make(s.ptr, end), suffixes[i], strlen(suffixes[i]))) {
			end -= strlen(suffixes[i]);
			break;
		}
	const char *ren = "人";
	size_t rl = strlen(ren);
	if (!ends_with(slice_make(s.ptr, end), ren, rl))
		return 0;
	size_t i = end - rl;
	size_t digits_end = i;
	while (i > 0 && is_digit(s.ptr[i - 1]))
		i--;
	if (i == digits_end)
		return 0;
	if (i > 0 && s.ptr[i - 1] == '-') {
		size_t j = i - 1;
		while (j > 0 && is_digit(s.ptr[j - 1]))
			j--;
		if (j < i - 1)
			i = j;
	}
	const char *less = "少于";
	size_t ll = strlen(less);
	if (ends_with(slice_make(s.ptr, i), less, ll))
		i -= ll;
	return s.len - i;
}

bool company_info_split(struct slice text, struct company_info *out)
{
	struct slice s = slice_trim(text);
	memset(out, 0, sizeof(*out));
	size_t size_len = size_tail(s);
	struct slice head = slice_make(s.ptr, s.len - size_len);
	if (size_len)
		out->size = slice_make(s.ptr + head.len, size_len);
	/* The stage ends where the size starts, or, without a size, at the end. */
	for (size_t k = 0; k < sizeof(stages) / sizeof(stages[0]); k++) {
		size_t n = strlen(stages[k]);
		if (ends_with(head, stages[k], n)) {
			out->stage = slice_make(head.ptr + head.len - n, n);
			head.len -= n;
			break;
		}
	}
	out->industry = slice_trim(head);
	if (!out->industry.len)
		out->industry = slice_make(NULL, 0);
	return out->stage.len || out->size.len;
}

struct slice company_name_clean(struct slice s)
{
	s = slice_trim(s);
	size_t i = s.len;
	while (i > 0 && (is_digit(s.ptr[i - 1]) || s.ptr[i - 1] == '.'))
		i--;
	if (i < s.len && i > 0 && (s.ptr[i - 1] == '\n' || s.ptr[i - 1] == '\r') &&
	    is_digit(s.ptr[i]))
		s = slice_trim(slice_make(s.ptr, i));
	return s;
}
