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
 * names.  Empty when nothing is left.  Details: the text ends at the first
 * ·, -, —, –, `,`, ，, /, ／, |, ;, 、, ( or （ or a space (a Latin name keeps
 * its spaces and hyphens: New York, Winston-Salem); a leading 中国 and a
 * province (广东, 广东省, 广西壮族自治区, …) are dropped unless nothing else
 * is left (广东省 → 广东); 北京 上海 天津 重庆 香港 澳门 at the start are the
 * city; the text ends after …自治州 or before its first 市 not at the start
 * (北京市海淀区 → 北京; 市中区 stays); a major city followed by a district
 * (杭州西湖区) gives the city; a district alone (海淀区) stays as written.
 * English names of the main Chinese cities (Beijing, Xi'an, Hong Kong, …)
 * map to Chinese ignoring case, spaces, hyphens and apostrophes, whole or by
 * their first word (Shanghai Pudong → 上海). */
struct slice city_normalise(struct slice text);

#endif
