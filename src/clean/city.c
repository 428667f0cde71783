/*
 * Work city normalisation (contract section 2), widened by what real exports
 * write.  The city is the text before the first separator (`·`, `-`, `—`,
 * `,`, `，`, `/`, `|`, `、`, a parenthesis or a space: `北京·海淀区·中关村` →
 * 北京); then, for Chinese text, a leading 中国 and a province prefix are
 * dropped (`广东省深圳市` → 深圳, `广西壮族自治区南宁市` → 南宁, `广东深圳` →
 * 深圳), the text ends at its first 市 (`北京市海淀区` → 北京, `深圳市` → 深圳),
 * the four municipalities and Hong Kong and Macao are recognised at the start
 * (`上海浦东新区` → 上海), and a major city followed by a district without 市
 * (`杭州西湖区`) gives the city.  A district alone (`海淀区`) is kept as it
 * is.  Latin text (starting with an ASCII letter) keeps its spaces and hyphens
 * (`New York`, `Winston-Salem`) and ends at a comma only; the main Chinese
 * cities' English names map to their Chinese names, whole or by first word
 * (`beijing`, `Xi'an`, `Shanghai Pudong`), ignoring case, spaces, hyphens and
 * apostrophes.  The result is a slice of the input or of a static string.
 */
#include "clean/city.h"

struct city_name {
	const char *latin; /* lower-case letters only; NULL when none */
	const char *chinese;
};

static const struct city_name cities[] = {
	{ "beijing", "北京" },	     { "peking", "北京" },	     { "shanghai", "上海" },
	{ "tianjin", "天津" },	     { "chongqing", "重庆" },	     { "shenzhen", "深圳" },
	{ "guangzhou", "广州" },     { "canton", "广州" },	     { "hangzhou", "杭州" },
	{ "chengdu", "成都" },	     { "nanjing", "南京" },	     { "wuhan", "武汉" },
	{ "xian", "西安" },	     { "suzhou", "苏州" },	     { "hongkong", "香港" },
	{ "macau", "澳门" },	     { "macao", "澳门" },	     { "changsha", "长沙" },
	{ "zhengzhou", "郑州" },     { "qingdao", "青岛" },	     { "xiamen", "厦门" },
	{ "hefei", "合肥" },	     { "dalian", "大连" },	     { "shenyang", "沈阳" },
	{ "jinan", "济南" },	     { "ningbo", "宁波" },	     { "dongguan", "东莞" },
	{ "foshan", "佛山" },	     { "fuzhou", "福州" },	     { "kunming", "昆明" },
	{ "harbin", "哈尔滨" },	     { "changchun", "长春" },	     { "shijiazhuang", "石家庄" },
	{ "taiyuan", "太原" },	     { "nanchang", "南昌" },	     { "nanning", "南宁" },
	{ "guiyang", "贵阳" },	     { "lanzhou", "兰州" },	     { "urumqi", "乌鲁木齐" },
	{ "hohhot", "呼和浩特" },    { "zhuhai", "珠海" },	     { "wuxi", "无锡" },
	{ "haikou", "海口" },	     { "xining", "西宁" },	     { "yinchuan", "银川" },
	{ "lhasa", "拉萨" },	     { "taipei", "台北" },	     { "changzhou", "常州" },
	{ "nantong", "南通" },	     { "wenzhou", "温州" },	     { "jiaxing", "嘉兴" },
	{ "jinhua", "金华" },	     { "shaoxing", "绍兴" },	     { "yantai", "烟台" },
	{ "huizhou", "惠州" },	     { "zhongshan", "中山" },	     { "xuzhou", "徐州" },
	{ "quanzhou", "泉州" },	     { "zhuzhou", "株洲" },	     { "weifang", "潍坊" },
	{ "luoyang", "洛阳" },	     { "tangshan", "唐山" },	     { "baoding", "保定" },
	{ "yangzhou", "扬州" },	     { "sanya", "三亚" },	     { "guilin", "桂林" },
};

/* Municipalities and special regions, recognised at the start of the text. */
static const char *const municipalities[] = { "北京", "上海", "天津", "重庆", "香港", "澳门" };

/* Provinces and autonomous regions by their short names, dropped as a prefix. */
static const char *const provinces[] = {
	"黑龙江", "内蒙古", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽",
	"福建",	  "江西",   "山东", "河南", "湖北", "湖南", "广东", "海南", "四川",
	"贵州",	  "云南",   "陕西", "甘肃", "青海", "台湾", "广西", "西藏", "宁夏",
	"新疆",
};

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool starts_with(struct slice s, const char *lit)
{
	size_t n = strlen(lit);
	return s.len >= n && memcmp(s.ptr, lit, n) == 0;
}

static bool ends_with(struct slice s, const char *lit)
{
	size_t n = strlen(lit);
	return s.len >= n && memcmp(s.ptr + s.len - n, lit, n) == 0;
}

static size_t find(struct slice s, const char *lit)
{
	size_t n = strlen(lit);
	for (size_t i = 0; i + n <= s.len; i++)
		if (memcmp(s.ptr + i, lit, n) == 0)
			return i;
	return s.len;
}

static struct slice drop(struct slice s, size_t n)
{
	return slice_make(s.ptr + n, s.len - n);
}

/* Length of the separator at s[i], 0 when there is none. */
static size_t separator_len(struct slice s, size_t i, bool latin)
{
	static const char *const wide[] = { "·", "•", "・", "—", "–", "，", "／", "（", "、", "｜",
					    "　" };
	unsigned char c = (unsigned char)s.ptr[i];
	if (c == ',' || c == '/' || c == '(' || c == '|' || c == ';')
		return 1;
	if (c == ' ' || c == '\t' || c == '-')
		return latin ? 0 : 1;
	/* Only these lead bytes start a separator above: C2 (·), E2 (• — –),
	 * E3 (・ 、 U+3000), EF (full-width forms). */
	if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF)
		return 0;
	for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++)
		if ((unsigned char)wide[k][0] == c && starts_with(drop(s, i), wide[k]))
			return strlen(wide[k]);
	return 0;
}

/* Compares text with a key of lower-case letters, ignoring case and the
 * spaces, hyphens, dots and apostrophes (' and ’) in the text. */
static bool latin_matches(struct slice text, const char *key)
{
	size_t i = 0;
	for (; i < text.len; i++) {
		unsigned char c = (unsigned char)text.ptr[i];
		if (c == ' ' || c == '-' || c == '\'' || c == '.')
			continue;
		if (c == 0xE2 && text.len - i >= 3 && text.ptr[i + 1] == '\x80' &&
		    text.ptr[i + 2] == '\x99') {
			i += 2;
			continue;
		}
		if (!is_alpha(c) || *key == '\0')
			return false;
		if ((c | 0x20) != (unsigned char)*key)
			return false;
		key++;
	}
	return *key == '\0';
}

static const char *latin_lookup(struct slice text)
{
	for (size_t k = 0; k < sizeof cities / sizeof cities[0]; k++)
		if (latin_matches(text, cities[k].latin))
			return cities[k].chinese;
	return NULL;
}

static struct slice normalise_latin(struct slice t)
{
	const char *name = latin_lookup(t);
	if (!name) {
		size_t w = 0;
		while (w < t.len && t.ptr[w] != ' ' && t.ptr[w] != '-')
			w++;
		if (w < t.len)
			name = latin_lookup(slice_make(t.ptr, w));
	}
	return name ? slice_cstr(name) : t;
}

static struct slice normalise_chinese(struct slice t)
{
	if (starts_with(t, "中国") && t.len > strlen("中国"))
		t = drop(t, strlen("中国"));
	for (size_t k = 0; k < sizeof municipalities / sizeof municipalities[0]; k++)
		if (starts_with(t, municipalities[k]))
			return slice_cstr(municipalities[k]);

	/* A province prefix: a known short name (广东, 广东省, 广西壮族自治区),
	 * else anything up to 省 or 自治区.  A province alone stays a province. */
	size_t at;
	bool known = false;
	for (size_t k = 0; k < sizeof provinces / sizeof provinces[0] && !known; k++) {
		size_t n = strlen(provinces[k]);
		if (!starts_with(t, provinces[k]))
			continue;
		known = true;
		struct slice rest = drop(t, n);
		if (rest.len == 0 || slice_eq_cstr(rest, "市"))
			break; /* 广东, 吉林市 */
		if (slice_eq_cstr(rest, "省") || ends_with(rest, "自治区"))
			return slice_make(t.ptr, n);
		if (starts_with(rest, "省"))
			t = drop(rest, strlen("省"));
		else if ((at = find(rest, "自治区")) < rest.len)
			t = drop(rest, at + strlen("自治区"));
		else
			t = rest;
	}
	if (!known) {
		if ((at = find(t, "省")) > 0 && at + strlen("省") < t.len)
			t = drop(t, at + strlen("省"));
		else if ((at = find(t, "自治区")) > 0 && at + strlen("自治区") < t.len)
			t = drop(t, at + strlen("自治区"));
	}

	/* The city ends with its 自治州, or at its first 市 (深圳市南山区). */
	at = find(t, "自治州");
	if (at > 0 && at < t.len)
		return slice_make(t.ptr, at + strlen("自治州"));
	at = find(t, "市");
	if (at > 0 && at < t.len)
		return slice_make(t.ptr, at);

	/* A major city followed by a district: 杭州西湖区. */
	if (ends_with(t, "区") || ends_with(t, "县")) {
		for (size_t k = 0; k < sizeof cities / sizeof cities[0]; k++) {
			size_t n = strlen(cities[k].chinese);
			if (starts_with(t, cities[k].chinese) && t.len > n + strlen("区"))
				return slice_make(t.ptr, n);
		}
	}
	return t;
}

struct slice city_normalise(struct slice text)
{
	struct slice t = slice_trim(text);
	if (t.len == 0)
		return t;
	bool latin = is_alpha((unsigned char)t.ptr[0]);
	size_t i = 0;
	while (i < t.len && separator_len(t, i, latin) == 0)
		i++;
	t = slice_trim(slice_make(t.ptr, i));
	if (t.len == 0)
		return t;
	return latin ? normalise_latin(t) : normalise_chinese(t);
}
