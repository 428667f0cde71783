/*
 * Work city normalisation (contract section 2, widened by real exports):
 * the text before `·`, `-`, `—`, `,` or a space, with a trailing 市 removed
 * (`北京·海淀区` → 北京, `上海-浦东新区` → 上海); a province prefix dropped
 * (`广东省深圳市` → 深圳); English names of major cities mapped (Beijing → 北京).
 */
#ifndef CLEAN_CITY_H
#define CLEAN_CITY_H

#include "util/slice.h"

/* The normalised city: a slice of text, or of a static string for mapped
 * names.  Empty when nothing is left. */
struct slice city_normalise(struct slice text);

#endif
