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

enum education_level education_parse(struct slice text);
/* The contract's name of a level: 不限, 中专及以下, 大专, 本科, 硕士, 博士, 未知. */
const char *education_name(enum education_level level);

#endif
