/*
 * Company info as BOSS直聘-style exports join it in one cell: industry, then
 * the funding stage, then the head count (`互联网A轮1000-9999人`,
 * `数据服务不需要融资100-499人`, `计算机软件0-20人`).  Split so that the
 * industry can feed the industry ranking when the export has no industry
 * column; the stage and size are kept for the reader.  And the company's
 * name as exports write it, cleaned of what is not the name.
 */
#ifndef CLEAN_COMPANY_INFO_H
#define CLEAN_COMPANY_INFO_H

#include <stdbool.h>

#include "util/slice.h"

struct company_info {
	struct slice industry; /* 互联网; empty when nothing precedes the stage or size */
	struct slice stage;    /* A轮; empty when the cell has none */
	struct slice size;     /* 1000-9999人; empty when the cell has none */
};

/* Splits text (slices of it; trimmed).  The size is a trailing head count:
 * digits with an optional -digits, then 人, with an optional 以上 or 以下
 * (`10000人以上`), or 少于N人.  The stage is one of 天使轮, Pre-A轮, A+轮,
 * A轮, B+轮, B轮, C轮, D轮及以上, D轮, E轮及以上, 已上市, 不需要融资, 未融资,
 * 战略投资, 上市公司 just before the size (or at the end without one).  The
 * industry is what precedes them.  False when the cell has neither a
 * stage nor a size (then out->industry is the whole trimmed cell). */
bool company_info_split(struct slice text, struct company_info *out);

/* A posting's company as the rankings name it, before aliases: trimmed,
 * without the rating Glassdoor appends on a line of its own
 * (`Tecolote Research\n3.8` → `Tecolote Research`).  A slice of s. */
struct slice company_name_clean(struct slice s);

#endif
