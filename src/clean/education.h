/*
 * Education levels (contract section 4).  A leading 统招 and a trailing 及以上
 * or 以上 are ignored; fields that join experience and education
 * (`1-3年本科`) give their education part.
 */
#ifndef CLEAN_EDUCATION_H
#define CLEAN_EDUCATION_H

#include "util/slice.h"

enum education_level {
	EDUCATION_UNKNOWN, /* 未知: left out of shares */
	EDUCATION_ANY,     /* 不限 */
	EDUCATION_SECONDARY, /* 中专及以下 */
	EDUCATION_ASSOCIATE, /* 大专 */
	EDUCATION_BACHELOR,  /* 本科 */
	EDUCATION_MASTER,    /* 硕士 */
	EDUCATION_DOCTOR,    /* 博士 */
	EDUCATION_COUNT
};

/* The level written anywhere in text (the lowest when several are, as the
 * field is a minimum): 初中 中专 中技 高中 职高 技校 → 中专及以下; 大专 专科 高职
 * → 大专; 本科 学士 → 本科; 硕士 研究生 (not in 博士研究生) MBA EMBA → 硕士; 博士 →
 * 博士; English whole words any case: high school, associate, bachelor(s),
 * BSc, undergraduate, master(s), MSc, MBA, postgraduate, doctor(ate), PhD.  With
 * no level word: 不限 or 无要求 (not 经验不限) and English any / none → 不限.
 * Anything else 未知.  So `统招本科及以上`, `1-3年本科`, `经验不限学历不限` work. */
enum education_level education_parse(struct slice text);
/* The contract's name of a level: 不限, 中专及以下, 大专, 本科, 硕士, 博士, 未知. */
const char *education_name(enum education_level level);

#endif
