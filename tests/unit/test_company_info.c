/*
 * Company info split (BOSS直聘's 公司信息 = industry + funding stage + size):
 * the forms of the real export, stage-less cells, cells with neither, and
 * every cell of the real BOSS export (skipped when absent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "clean/company_info.h"
#include "real_csv.h"

static void expect(const char *text, bool ok, const char *industry, const char *stage,
		   const char *size)
{
	struct company_info info;
	bool got = company_info_split(slice_cstr(text), &info);
	if (got != ok || !slice_eq_cstr(info.industry, industry) ||
	    !slice_eq_cstr(info.stage, stage) || !slice_eq_cstr(info.size, size))
		fail_msg("'%s' -> %d '%.*s' '%.*s' '%.*s', want %d '%s' '%s' '%s'", text, got,
			 (int)info.industry.len, info.industry.ptr, (int)info.stage.len,
			 info.stage.ptr, (int)info.size.len, info.size.ptr, ok, industry, stage,
			 size);
}

static void test_boss_forms(void **state)
{
	(void)state;
	expect("互联网A轮1000-9999人", true, "互联网", "A轮", "1000-9999人");
	expect("数据服务不需要融资100-499人", true, "数据服务", "不需要融资", "100-499人");
	expect("计算机软件已上市1000-9999人", true, "计算机软件", "已上市", "1000-9999人");
	expect("汽车生产已上市10000人以上", true, "汽车生产", "已上市", "10000人以上");
	expect("互联网天使轮20-99人", true, "互联网", "天使轮", "20-99人");
	expect("移动互联网D轮及以上500-999人", true, "移动互联网", "D轮及以上", "500-999人");
	expect("电子商务未融资0-20人", true, "电子商务", "未融资", "0-20人");
	expect("游戏B轮100-499人", true, "游戏", "B轮", "100-499人");
	expect("医疗健康C轮20-99人", true, "医疗健康", "C轮", "20-99人");
}

static void test_partial(void **state)
{
	(void)state;
	/* No stage: the industry runs up to the size; slashes stay in it. */
	expect("计算机软件0-20人", true, "计算机软件", "", "0-20人");
	expect("投资/融资0-20人", true, "投资/融资", "", "0-20人");
	expect("电子/半导体/集成电路1000-9999人", true, "电子/半导体/集成电路", "", "1000-9999人");
	/* No size: the stage ends the cell. */
	expect("互联网B+轮", true, "互联网", "B+轮", "");
	expect("互联网Pre-A轮", true, "互联网", "Pre-A轮", "");
	expect("  在线教育A+轮少于15人 ", true, "在线教育", "A+轮", "少于15人");
	/* Stage and size alone. */
	expect("已上市10000人以上", true, "", "已上市", "10000人以上");
	/* Neither: the cell is the industry, and false. */
	expect("互联网", false, "互联网", "", "");
	expect("", false, "", "", "");
	expect("公司信息", false, "公司信息", "", "");
	/* Digits not followed by 人 are no size. */
	expect("Web3.0", false, "Web3.0", "", "");
	expect("人", false, "人", "", "");
}

/* Every cell of the real export splits into a non-empty industry and a size. */
static void test_real_boss(void **state)
{
	(void)state;
	struct real_csv r;
	if (!real_csv_open(&r, "boss_python/boss.csv"))
		skip();
	struct slice f[16];
	size_t n;
	assert_true(real_csv_next(&r, f, 16, &n));
	int col = real_csv_column(f, n, "公司信息");
	assert_true(col >= 0);
	long cells = 0, split = 0;
	while (real_csv_next(&r, f, 16, &n)) {
		if ((size_t)col >= n || slice_eq_cstr(f[col], "公司信息"))
			continue; /* the repeated header row */
		cells++;
		struct company_info info;
		if (company_info_split(f[col], &info) && info.industry.len && info.size.len)
			split++;
		else
			print_message("unsplit: %.*s\n", (int)f[col].len, f[col].ptr);
	}
	real_csv_close(&r);
	assert_true(cells > 2000);
	assert_int_equal(split, cells);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boss_forms),
		cmocka_unit_test(test_partial),
		cmocka_unit_test(test_real_boss),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
