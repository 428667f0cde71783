/*
 * City normalisation (contract section 2): separators, trailing 市, province
 * prefixes, municipalities, districts kept, English names, and the city
 * columns of real exports (skipped when absent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "clean/city.h"
#include "real_csv.h"

static void expect(const char *text, const char *want)
{
	struct slice got = city_normalise(slice_cstr(text));
	if (!slice_eq_cstr(got, want))
		fail_msg("'%s' -> '%.*s', want '%s'", text, (int)got.len, got.ptr, want);
}

static void test_contract(void **state)
{
	(void)state;
	expect("北京·海淀区", "北京");
	expect("上海-浦东新区", "上海");
	expect("深圳市", "深圳");
	expect("杭州—西湖区", "杭州");
	expect("广州,天河区", "广州");
	expect("成都 高新区", "成都");
	expect("北京", "北京");
	expect("", "");
	expect("   ", "");
}

static void test_more_separators(void **state)
{
	(void)state;
	expect("西安·雁塔区·高新软件园", "西安");
	expect("武汉，洪山区", "武汉");
	expect("南京/江宁区", "南京");
	expect("苏州（工业园区）", "苏州");
	expect("苏州(工业园区)", "苏州");
	expect("厦门　思明区", "厦门");
	expect("  长沙  ", "长沙");
	expect("福州、厦门", "福州");
	expect("·北京", "");
}

static void test_province(void **state)
{
	(void)state;
	expect("广东省深圳市", "深圳");
	expect("广东省深圳市南山区", "深圳");
	expect("广东深圳", "深圳");
	expect("浙江省杭州市西湖区", "杭州");
	expect("广西壮族自治区南宁市", "南宁");
	expect("内蒙古自治区呼和浩特市", "呼和浩特");
	expect("新疆维吾尔自治区乌鲁木齐市", "乌鲁木齐");
	expect("宁夏回族自治区银川市", "银川");
	expect("西藏拉萨", "拉萨");
	expect("黑龙江省哈尔滨市", "哈尔滨");
	expect("吉林省吉林市", "吉林");
	expect("吉林市", "吉林");
	expect("吉林长春", "长春");
	expect("中国北京", "北京");
	/* a province alone stays the province */
	expect("广东", "广东");
	expect("广东省", "广东");
	expect("新疆维吾尔自治区", "新疆");
}

static void test_municipality(void **state)
{
	(void)state;
	expect("北京市海淀区", "北京");
	expect("北京市", "北京");
	expect("上海浦东新区", "上海");
	expect("上海市", "上海");
	expect("天津市滨海新区", "天津");
	expect("重庆市渝北区", "重庆");
	expect("香港特别行政区", "香港");
}

static void test_districts(void **state)
{
	(void)state;
	/* district-only strings are kept as they are */
	expect("海淀区", "海淀区");
	expect("浦东新区", "浦东新区");
	expect("市中区", "市中区");
	expect("中山区", "中山区");
	expect("昆山", "昆山");
	expect("深圳市南山区", "深圳");
	expect("苏州市昆山市", "苏州");
	expect("杭州西湖区", "杭州");
	expect("中山市", "中山");
	expect("延边朝鲜族自治州延吉市", "延边朝鲜族自治州");
}

static void test_english(void **state)
{
	(void)state;
	expect("Beijing", "北京");
	expect("BEIJING", "北京");
	expect("beijing", "北京");
	expect("Shanghai", "上海");
	expect("Shenzhen", "深圳");
	expect("Guangzhou", "广州");
	expect("Hangzhou", "杭州");
	expect("Chengdu", "成都");
	expect("Nanjing", "南京");
	expect("Wuhan", "武汉");
	expect("Xi'an", "西安");
	expect("Xian", "西安");
	expect("Xi’an", "西安");
	expect("Suzhou", "苏州");
	expect("Tianjin", "天津");
	expect("Chongqing", "重庆");
	expect("Hong Kong", "香港");
	expect("Beijing, China", "北京");
	expect("Shanghai Pudong", "上海");
	expect("Shenzhen-Nanshan", "深圳");
	/* other Latin names are kept whole, up to a comma */
	expect("New York, NY", "New York");
	expect("South San Francisco, CA", "South San Francisco");
	expect("Winston-Salem, NC", "Winston-Salem");
	expect("Remote", "Remote");
	expect("Beijingshi", "Beijingshi");
}

static void test_slice_result(void **state)
{
	(void)state;
	/* results are slices of the input when nothing is mapped */
	const char text[] = "兰州·城关区";
	struct slice got = city_normalise(slice_cstr(text));
	assert_ptr_equal(got.ptr, text);
	assert_int_equal(got.len, strlen("兰州"));
	/* nothing past len is read */
	const char cut[] = "深圳市南山区";
	got = city_normalise(slice_make(cut, strlen("深圳")));
	assert_true(slice_eq_cstr(got, "深圳"));
}

/* Every city cell of a real export normalises to a non-empty name holding
 * no separator, and the named cells to the names given. */
static void check_real(const char *file, const char *column, size_t rows_want,
		       const char *probe, size_t probe_want)
{
	struct real_csv r = { 0 };
	if (!real_csv_open(&r, file))
		skip();
	struct slice f[64];
	size_t n;
	assert_true(real_csv_next(&r, f, 64, &n));
	int col = real_csv_column(f, n < 64 ? n : 64, column);
	assert_true(col >= 0);
	size_t rows = 0, probes = 0;
	while (real_csv_next(&r, f, 64, &n)) {
		if ((size_t)col >= n || slice_eq_cstr(f[col], column))
			continue;
		rows++;
		struct slice c = city_normalise(f[col]);
		if (c.len == 0)
			fail_msg("%s: '%.*s' -> empty", file, (int)f[col].len, f[col].ptr);
		for (size_t i = 0; i < c.len; i++)
			if (c.ptr[i] == ',' || (unsigned char)c.ptr[i] == 0xC2 /* · */)
				fail_msg("%s: '%.*s' -> '%.*s'", file, (int)f[col].len,
					 f[col].ptr, (int)c.len, c.ptr);
		if (slice_eq_cstr(c, probe))
			probes++;
	}
	real_csv_close(&r);
	assert_int_equal(rows, rows_want);
	assert_int_equal(probes, probe_want);
}

/* Probe counts tallied by hand from each column's text before its first
 * `·` (or `,` for Glassdoor). */
static void test_real_boss(void **state)
{
	(void)state;
	/* 职位地址 `城市·区·商圈`, nine cities, a repeated header row left out */
	check_real("boss_python/boss.csv", "职位地址", 2410, "北京", 269);
}

static void test_real_51job(void **state)
{
	(void)state;
	check_real("51job_bigdata/51job.csv", "公司地址", 395, "北京", 48);
}

static void test_real_lagou(void **state)
{
	(void)state;
	check_real("lagou_dataanalyst/lagou.csv", "city", 1829, "北京", 710);
}

static void test_real_glassdoor(void **state)
{
	(void)state;
	check_real("glassdoor_ds_jobs/glassdoor_jobs.csv", "Location", 956, "New York", 78);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract),    cmocka_unit_test(test_more_separators),
		cmocka_unit_test(test_province),    cmocka_unit_test(test_municipality),
		cmocka_unit_test(test_districts),   cmocka_unit_test(test_english),
		cmocka_unit_test(test_slice_result), cmocka_unit_test(test_real_boss),
		cmocka_unit_test(test_real_51job),   cmocka_unit_test(test_real_lagou),
		cmocka_unit_test(test_real_glassdoor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
