/*
 * Surveys through the binary: datasets holding only a survey (no market
 * tables) run with `talentscope report DATASET -o OUT`, and report.json read
 * back.  Covers the contract's own shape (survey/questions.json +
 * survey/responses.csv) with every figure worked out by hand in the comments,
 * invalid answers (no such option, a scale value out of range, a ranked
 * answer repeating an option) counted and never dropped silently, the export
 * shapes of 问卷星 (one header row, ┋-joined multi answers) and SurveyMonkey
 * (two header rows, a multi-select spread over columns), and the real 2011
 * Stack Overflow survey export from ../shared (skipped when absent).
 */
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "support/e2e.h"

#define NEAR(got, want) near((got), (want), #got)

static void near(double got, double want, const char *what)
{
	if (!(fabs(got - want) <= 1e-9 * (1 + fabs(want))))
		fail_msg("%s = %.12g, want %.12g", what, got, want);
}

/* One run: the dataset folder, its report folder and the parsed report. */
struct run {
	char *dir;
	char out[600];
	struct arena arena;
	struct json_value *report;
	const struct json_value *survey;
	struct strbuf err;
};

/* A new dataset folder with survey/questions.json (unless NULL) and
 * survey/responses.csv (unless NULL: the caller links it in). */
static void dataset(struct run *r, const char *questions, const char *responses)
{
	memset(r, 0, sizeof(*r));
	r->dir = e2e_tmpdir();
	if (questions)
		e2e_write(r->dir, "survey/questions.json", questions);
	if (responses)
		e2e_write(r->dir, "survey/responses.csv", responses);
	/* beside the dataset: -o inside it is refused */
	snprintf(r->out, sizeof(r->out), "%s-out", r->dir);
}

/* Runs `talentscope report DIR -o DIR-out`; exit 0 and report.json parsed. */
static void report(struct run *r)
{
	/* tiny surveys: the small-cell rule is off here (test_privacy checks it);
	 * the real survey is linked in by absolute path (--follow-symlinks) */
	const char *args[] = { "report", r->dir, "-o", r->out, "--min-survey-cell", "0",
			       "--follow-symlinks", NULL };
	int rc = e2e_run(args, &r->err);
	if (rc != 0)
		fail_msg("talentscope report exited %d: %s", rc, strbuf_str(&r->err));
	r->report = e2e_report(&r->arena, r->out);
	r->survey = jpath(r->report, "survey");
	assert_non_null(r->survey);
	assert_int_equal(r->survey->type, JSON_OBJECT);
}

static void done(struct run *r)
{
	e2e_rmtree(r->dir);
	e2e_rmtree(r->out);
	free(r->dir);
	arena_release(&r->arena);
	strbuf_release(&r->err);
}

static const struct json_value *member(const struct json_value *obj, const char *key,
				       enum json_type type)
{
	const struct json_value *v = obj && obj->type == JSON_OBJECT ? json_get(obj, key) : NULL;
	if (!v || v->type != type)
		fail_msg("report.json: no '%s' of the expected type", key);
	return v;
}

static double num(const struct json_value *obj, const char *key)
{
	return member(obj, key, JSON_NUMBER)->u.number;
}

static long long count(const struct json_value *obj, const char *key)
{
	return (long long)num(obj, key);
}

static const char *str(const struct json_value *obj, const char *key)
{
	return member(obj, key, JSON_STRING)->u.string.ptr;
}

static const struct json_value *arr(const struct json_value *obj, const char *key)
{
	return member(obj, key, JSON_ARRAY);
}

static bool is_null(const struct json_value *obj, const char *key)
{
	const struct json_value *v = obj && obj->type == JSON_OBJECT ? json_get(obj, key) : NULL;
	if (!v)
		fail_msg("report.json: no '%s'", key);
	return v->type == JSON_NULL;
}

/* The question with this exact text. */
static const struct json_value *question(const struct run *r, const char *text)
{
	const struct json_value *qs = arr(r->survey, "questions");
	for (size_t i = 0; i < qs->u.array.n; i++)
		if (strcmp(str(&qs->u.array.items[i], "text"), text) == 0)
			return &qs->u.array.items[i];
	fail_msg("no question '%s'", text);
	return NULL;
}

/* The option (of a question or cross-tab segment) with this exact name. */
static const struct json_value *option(const struct json_value *q, const char *name)
{
	const struct json_value *os = arr(q, "options");
	for (size_t i = 0; i < os->u.array.n; i++)
		if (strcmp(str(&os->u.array.items[i], "option"), name) == 0)
			return &os->u.array.items[i];
	fail_msg("no option '%s'", name);
	return NULL;
}

static const struct json_value *segment(const struct run *r, const char *qid, const char *sid,
					const char *segname)
{
	const struct json_value *xs = arr(r->survey, "crosstabs");
	for (size_t i = 0; i < xs->u.array.n; i++) {
		const struct json_value *x = &xs->u.array.items[i];
		if (strcmp(str(x, "question"), qid) || strcmp(str(x, "segment"), sid))
			continue;
		const struct json_value *ss = arr(x, "segments");
		for (size_t s = 0; s < ss->u.array.n; s++)
			if (strcmp(str(&ss->u.array.items[s], "segment"), segname) == 0)
				return &ss->u.array.items[s];
	}
	fail_msg("no cross-tab %s by %s = %s", qid, sid, segname);
	return NULL;
}

static long long invalid_sum(const struct run *r)
{
	const struct json_value *qs = arr(r->survey, "questions");
	long long sum = 0;
	for (size_t i = 0; i < qs->u.array.n; i++)
		sum += count(&qs->u.array.items[i], "invalid");
	return sum;
}

/* ------------------------------------------------------------------ */

static const char QUESTIONS[] =
	"[{\"id\": \"Q1\", \"text\": \"Your role?\", \"type\": \"single\",\n"
	"  \"options\": [\"Dev\", \"PM\", \"Ops\"], \"segment\": true},\n"
	" {\"id\": \"Q2\", \"text\": \"Tools used?\", \"type\": \"multi\",\n"
	"  \"options\": [\"A\", \"B\", \"C\"]},\n"
	" {\"id\": \"Q3\", \"text\": \"Rank the models\", \"type\": \"ranked\",\n"
	"  \"options\": [\"X\", \"Y\", \"Z\"]},\n"
	" {\"id\": \"Q4\", \"text\": \"Score 0-10\", \"type\": \"scale\", \"min\": 0, \"max\": 10}]\n";

/*
 * Eight respondents and one record with a field too few (line 10: rejected).
 *   Q1 single: r5 answers "1" = Dev, r8 "2" = PM; r7 "Foo" is invalid.
 *     answered 7: Dev r1 r3 r5 = 3/7, PM r2 r6 r8 = 3/7, Ops r4 = 1/7.
 *   Q2 multi (separators ; | ┋): r4 empty, r6 "D" invalid.  answered 6 (r1 r2
 *     r3 r5 r7 r8): A r1 r3 r5 r8 = 4/6, B r1 r2 r5 r7 = 4/6, C r3 r5 r7 = 3/6.
 *   Q3 ranked over 3 options: 1st scores 3, 2nd 2, 3rd 1, unranked 0.  r6
 *     "X;X" repeats (invalid), r8 empty.  answered 6 (r1 r2 r3 r4 r5 r7):
 *     X ranked by r1(1st) r2(2nd) r4(1st) r5(1st): 4/6, score (3+2+3+3)/6 = 11/6
 *     Y by r1(2nd) r2(1st) r5(2nd) r7(1st): 4/6, score (2+3+2+3)/6 = 10/6
 *     Z by r2(3rd) r3(1st) r5(3rd): 3/6, score (1+3+1)/6 = 5/6
 *   Q4 scale 0..10: r6 "11" is out of range.  answered 7: 10 9 7 3 8 0 6,
 *     mean 43/7; promoters (9, 10) 2/7, passives (7, 8) 2/7, detractors
 *     (3, 0, 6) 3/7; NPS (2 − 3)/7 × 100 = −100/7; at_least of 9 = 2/7.
 *   Q4 by Q1 = Dev (r1 r3 r5): 10 7 8, mean 25/3, NPS (1 − 0)/3 × 100.
 *   Q2 by Q1 = Dev: A 3/3, B (r1 r5) 2/3, C (r3 r5) 2/3.
 *   invalid answers: Q1 1, Q2 1, Q3 1, Q4 1 = 4.
 */
static const char RESPONSES[] = "respondent,Q1,Q2,Q3,Q4\n"
				"1,Dev,A;B,X;Y,10\n"
				"2,PM,B,Y;X;Z,9\n"
				"3,Dev,A;C,Z,7\n"
				"4,Ops,,X,3\n"
				"5,1,A|B|C,X;Y;Z,8\n"
				"6,PM,D,X;X,11\n"
				"7,Foo,B┋C,Y,0\n"
				"8,2,A,,6\n"
				"9,Dev,A,X\n";

static void survey_only_figures(void **state)
{
	(void)state;
	struct run r;
	dataset(&r, QUESTIONS, RESPONSES);
	report(&r);
	assert_int_equal(count(r.survey, "respondents"), 8);

	const struct json_value *q1 = question(&r, "Your role?");
	assert_string_equal(str(q1, "id"), "Q1");
	assert_string_equal(str(q1, "type"), "single");
	assert_int_equal(count(q1, "answered"), 7);
	assert_int_equal(count(option(q1, "Dev"), "count"), 3);
	NEAR(num(option(q1, "Dev"), "share"), 3.0 / 7);
	NEAR(num(option(q1, "PM"), "share"), 3.0 / 7);
	NEAR(num(option(q1, "Ops"), "share"), 1.0 / 7);
	assert_true(is_null(option(q1, "Dev"), "score"));
	assert_true(is_null(q1, "mean"));
	assert_true(is_null(q1, "nps"));
	/* the Wilson interval lies around the share */
	assert_true(num(option(q1, "Dev"), "ci_low") < 3.0 / 7);
	assert_true(num(option(q1, "Dev"), "ci_high") > 3.0 / 7);

	const struct json_value *q2 = question(&r, "Tools used?");
	assert_string_equal(str(q2, "type"), "multi");
	assert_int_equal(count(q2, "answered"), 6);
	assert_int_equal(count(option(q2, "A"), "count"), 4);
	assert_int_equal(count(option(q2, "B"), "count"), 4);
	assert_int_equal(count(option(q2, "C"), "count"), 3);
	NEAR(num(option(q2, "A"), "share"), 4.0 / 6);
	NEAR(num(option(q2, "C"), "share"), 3.0 / 6);

	const struct json_value *q3 = question(&r, "Rank the models");
	assert_string_equal(str(q3, "type"), "ranked");
	assert_int_equal(count(q3, "answered"), 6);
	NEAR(num(option(q3, "X"), "share"), 4.0 / 6);
	NEAR(num(option(q3, "Y"), "share"), 4.0 / 6);
	NEAR(num(option(q3, "Z"), "share"), 3.0 / 6);
	NEAR(num(option(q3, "X"), "score"), 11.0 / 6);
	NEAR(num(option(q3, "Y"), "score"), 10.0 / 6);
	NEAR(num(option(q3, "Z"), "score"), 5.0 / 6);

	const struct json_value *q4 = question(&r, "Score 0-10");
	assert_string_equal(str(q4, "type"), "scale");
	assert_int_equal(count(q4, "answered"), 7);
	NEAR(num(q4, "mean"), 43.0 / 7);
	NEAR(num(q4, "nps"), -100.0 / 7);
	const struct json_value *d = member(q4, "nps_detail", JSON_OBJECT);
	assert_int_equal(count(d, "base"), 7);
	NEAR(num(d, "promoters"), 2.0 / 7);
	NEAR(num(d, "passives"), 2.0 / 7);
	NEAR(num(d, "detractors"), 3.0 / 7);
	NEAR(num(option(q4, "9"), "at_least"), 2.0 / 7);
	NEAR(num(option(q4, "0"), "at_least"), 1.0);
	assert_int_equal(count(option(q4, "10"), "count"), 1);
	assert_int_equal(count(option(q4, "1"), "count"), 0);

	/* cross-tabs by the segment question Q1 */
	const struct json_value *dev = segment(&r, "Q4", "Q1", "Dev");
	assert_int_equal(count(dev, "answered"), 3);
	NEAR(num(dev, "mean"), 25.0 / 3);
	NEAR(num(member(dev, "nps", JSON_OBJECT), "nps"), 100.0 / 3);
	dev = segment(&r, "Q2", "Q1", "Dev");
	NEAR(num(option(dev, "A"), "share"), 1.0);
	NEAR(num(option(dev, "B"), "share"), 2.0 / 3);
	NEAR(num(option(dev, "C"), "share"), 2.0 / 3);

	/* quality: 9 records, the short one rejected with its line in rejects.csv */
	assert_int_equal((long long)jnum(r.report, "quality.survey.rows"), 9);
	assert_int_equal((long long)jnum(r.report, "quality.survey.accepted"), 8);
	assert_int_equal((long long)jnum(r.report, "quality.survey.rejected"), 1);
	assert_int_equal((long long)jnum(r.report, "quality.survey.invalid_answers"), 4);
	assert_int_equal(invalid_sum(&r), 4);
	struct strbuf path = STRBUF_INIT, rejects = STRBUF_INIT;
	strbuf_addf(&path, "%s/rejects.csv", r.out);
	assert_true(e2e_read(path.buf, &rejects));
	assert_non_null(strstr(rejects.buf, "responses.csv,10,"));
	strbuf_release(&path);
	strbuf_release(&rejects);

	/* no market tables: the market parts are empty or null */
	assert_int_equal(jlen(r.report, "months"), 0);
	assert_int_equal(jlen(r.report, "periods"), 0);
	assert_true(jnull(r.report, "talent_cities"));
	assert_true(jnull(r.report, "quality.postings"));
	assert_true(jnull(r.report, "quality.applications"));
	assert_true(jnull(r.report, "quality.talents"));
	assert_true(jnull(r.report, "quality.posts"));
	/* and the other renderings were written */
	strbuf_addf(&path, "%s/report.md", r.out);
	assert_true(e2e_read(path.buf, &rejects));
	assert_non_null(strstr(rejects.buf, "Your role?"));
	strbuf_release(&path);
	strbuf_release(&rejects);
	strbuf_addf(&path, "%s/report.html", r.out);
	assert_true(e2e_read(path.buf, &rejects));
	assert_non_null(strstr(rejects.buf, "Rank the models"));
	strbuf_release(&path);
	strbuf_release(&rejects);
	done(&r);
}

/*
 * Invalid answers, each kind for each type, beside valid ones; every one is
 * counted in its question's "invalid" and in quality.survey.invalid_answers,
 * its respondent counts as not answering that question, and no row is
 * rejected.
 *   Q1 single: "Tester" (no such option), "4" (no 4th option) → 2 invalid;
 *     valid Dev, PM → answered 2, Dev 1/2.
 *   Q2 multi: "A;D" (D no option), "E" → 2 invalid; valid "B", "A;B" →
 *     answered 2, A 1/2, B 2/2.
 *   Q3 ranked: "X;Y;X" and "Z;Z" repeat an option, "X;W" names none → 3
 *     invalid; valid "Y;X" → answered 1, Y score 3, X score 2, Z 0.
 *   Q4 scale 0..10: "11", "-1" out of range, "7.5" not whole → 3 invalid;
 *     valid 10 → answered 1, NPS 100.
 *   total 10.
 */
static void invalid_answers(void **state)
{
	(void)state;
	struct run r;
	dataset(&r, QUESTIONS,
		"respondent,Q1,Q2,Q3,Q4\n"
		"1,Tester,A;D,X;Y;X,11\n"
		"2,4,E,Z;Z,-1\n"
		"3,Dev,B,X;W,7.5\n"
		"4,PM,A;B,Y;X,10\n");
	report(&r);
	assert_int_equal(count(r.survey, "respondents"), 4);
	const struct json_value *q1 = question(&r, "Your role?"), *q2 = question(&r, "Tools used?"),
				*q3 = question(&r, "Rank the models"),
				*q4 = question(&r, "Score 0-10");
	assert_int_equal(count(q1, "invalid"), 2);
	assert_int_equal(count(q1, "answered"), 2);
	NEAR(num(option(q1, "Dev"), "share"), 0.5);
	assert_int_equal(count(q2, "invalid"), 2);
	assert_int_equal(count(q2, "answered"), 2);
	NEAR(num(option(q2, "A"), "share"), 0.5);
	NEAR(num(option(q2, "B"), "share"), 1.0);
	assert_int_equal(count(option(q2, "C"), "count"), 0);
	assert_int_equal(count(q3, "invalid"), 3);
	assert_int_equal(count(q3, "answered"), 1);
	NEAR(num(option(q3, "Y"), "score"), 3.0);
	NEAR(num(option(q3, "X"), "score"), 2.0);
	NEAR(num(option(q3, "Z"), "score"), 0.0);
	assert_int_equal(count(q4, "invalid"), 3);
	assert_int_equal(count(q4, "answered"), 1);
	NEAR(num(q4, "mean"), 10.0);
	NEAR(num(q4, "nps"), 100.0);
	assert_int_equal((long long)jnum(r.report, "quality.survey.invalid_answers"), 10);
	assert_int_equal(invalid_sum(&r), 10);
	assert_int_equal((long long)jnum(r.report, "quality.survey.accepted"), 4);
	assert_int_equal((long long)jnum(r.report, "quality.survey.rejected"), 0);
	done(&r);
}

/*
 * A 问卷星 export as it downloads (按选项文本): one header row with metadata
 * columns, questions numbered `1、`, multi answers joined with ┋, 其他〖…〗 for
 * "other" with free text; no questions.json.
 *   Q1 岗位 single: 技术/研发 r1 r3 r5 = 3/5, 产品/运营 1/5, 市场/销售 1/5.
 *   Q2 工具 multi, r5 empty → answered 4: ChatGPT r1 r3 r4 = 3/4, 文心一言 r1
 *     r2 r3 = 3/4, 豆包 1/4, 其他 (r4's 其他〖Claude〗) 1/4.
 *   Q3 打分 0–10 scale: 9 7 10 4 8 → mean 38/5, promoters 2/5, passives 2/5,
 *     detractors 1/5, NPS 20.
 */
static void wjx_export(void **state)
{
	(void)state;
	struct run r;
	dataset(&r, NULL,
		"序号,提交答卷时间,所用时间,来源,来自IP,1、您的岗位是？,2、您使用过哪些大模型工具？,"
		"3、请给使用体验打分（0-10分）\n"
		"1,2024/8/1 10:00:00,100秒,手机提交,1.2.3.4(北京),技术/研发,ChatGPT┋文心一言,9\n"
		"2,2024/8/1 10:01:00,80秒,链接,1.2.3.5(上海),产品/运营,文心一言,7\n"
		"3,2024/8/1 10:02:00,95秒,链接,1.2.3.6(北京),技术/研发,豆包┋ChatGPT┋文心一言,10\n"
		"4,2024/8/1 10:03:00,60秒,微信,1.2.3.7(深圳),市场/销售,其他〖Claude〗┋ChatGPT,4\n"
		"5,2024/8/1 10:04:00,70秒,微信,1.2.3.8(杭州),技术/研发,,8\n");
	report(&r);
	assert_int_equal(count(r.survey, "respondents"), 5);
	assert_int_equal(jlen(r.report, "survey.questions"), 3);
	const struct json_value *q1 = question(&r, "您的岗位是？");
	assert_string_equal(str(q1, "id"), "Q1");
	assert_string_equal(str(q1, "type"), "single");
	assert_int_equal(count(q1, "answered"), 5);
	NEAR(num(option(q1, "技术/研发"), "share"), 0.6);
	NEAR(num(option(q1, "产品/运营"), "share"), 0.2);
	NEAR(num(option(q1, "市场/销售"), "share"), 0.2);
	const struct json_value *q2 = question(&r, "您使用过哪些大模型工具？");
	assert_string_equal(str(q2, "type"), "multi");
	assert_int_equal(count(q2, "answered"), 4);
	NEAR(num(option(q2, "ChatGPT"), "share"), 0.75);
	NEAR(num(option(q2, "文心一言"), "share"), 0.75);
	NEAR(num(option(q2, "豆包"), "share"), 0.25);
	NEAR(num(option(q2, "其他"), "share"), 0.25);
	const struct json_value *q3 = question(&r, "请给使用体验打分（0-10分）");
	assert_string_equal(str(q3, "type"), "scale");
	assert_int_equal(count(q3, "answered"), 5);
	NEAR(num(q3, "mean"), 7.6);
	NEAR(num(q3, "nps"), 20.0);
	NEAR(num(member(q3, "nps_detail", JSON_OBJECT), "promoters"), 0.4);
	NEAR(num(member(q3, "nps_detail", JSON_OBJECT), "passives"), 0.4);
	NEAR(num(member(q3, "nps_detail", JSON_OBJECT), "detractors"), 0.2);
	assert_int_equal((long long)jnum(r.report, "quality.survey.invalid_answers"), 0);
	done(&r);
}

/*
 * A SurveyMonkey export: row 1 the question texts (a multi-select's text over
 * its first column, the rest empty), row 2 `Response` or the option of each
 * column; no questions.json.
 *   Q1 role, r4 empty → answered 4: Engineer 2/4, Manager 1/4, Designer 1/4.
 *   Q2 tools (3 columns), r4 none → answered 4: ChatGPT r1 r3 r5 = 3/4, Kimi
 *     r2 r3 = 2/4, "Other (please specify)" r3 = 1/4 (the cell holds "Bard").
 *   Q3 rate 0–10: 10 6 9 8 → mean 33/4, promoters 2/4, passives 1/4,
 *     detractors 1/4, NPS 25.
 */
static void surveymonkey_export(void **state)
{
	(void)state;
	struct run r;
	dataset(&r, NULL,
		"Respondent ID,Start Date,What is your role?,Which tools do you use?,,,"
		"How would you rate us from 0 to 10?\n"
		",,Response,ChatGPT,Kimi,Other (please specify),Response\n"
		"101,2011-05-01,Engineer,ChatGPT,,,10\n"
		"102,2011-05-01,Manager,,Kimi,,6\n"
		"103,2011-05-02,Engineer,ChatGPT,Kimi,Bard,9\n"
		"104,2011-05-02,,,,,\n"
		"105,2011-05-03,Designer,ChatGPT,,,8\n");
	report(&r);
	assert_int_equal(count(r.survey, "respondents"), 5);
	assert_int_equal(jlen(r.report, "survey.questions"), 3);
	const struct json_value *q1 = question(&r, "What is your role?");
	assert_int_equal(count(q1, "answered"), 4);
	NEAR(num(option(q1, "Engineer"), "share"), 0.5);
	NEAR(num(option(q1, "Manager"), "share"), 0.25);
	NEAR(num(option(q1, "Designer"), "share"), 0.25);
	const struct json_value *q2 = question(&r, "Which tools do you use?");
	assert_string_equal(str(q2, "type"), "multi");
	assert_int_equal(count(q2, "answered"), 4);
	NEAR(num(option(q2, "ChatGPT"), "share"), 0.75);
	NEAR(num(option(q2, "Kimi"), "share"), 0.5);
	NEAR(num(option(q2, "Other (please specify)"), "share"), 0.25);
	const struct json_value *q3 = question(&r, "How would you rate us from 0 to 10?");
	assert_string_equal(str(q3, "type"), "scale");
	assert_int_equal(count(q3, "answered"), 4);
	NEAR(num(q3, "mean"), 8.25);
	NEAR(num(q3, "nps"), 25.0);
	NEAR(num(member(q3, "nps_detail", JSON_OBJECT), "passives"), 0.25);
	done(&r);
}

/*
 * The real 2011 Stack Overflow survey (a SurveyMonkey export: two header
 * rows, multi-selects spread over columns), linked in as
 * survey/responses.csv.  Expected counts computed independently with
 * Python's csv module over the file (rows = list(csv.reader(f)); data =
 * rows[2:]; a question starts at each non-empty row-1 cell and spans the
 * empty cells after it; a cell is answered when non-empty after strip()):
 *   len(data) = 2813, every row with the header's 65 fields
 *   "How old are you?": 2729 answered, "25-29" 831
 *   "Please rate your job/career satisfaction": 2553 answered,
 *     "I enjoy going to work" 1419
 *   "Which of the following best describes your occupation?": 2646 answered,
 *     "Web Application Developer" 1066
 *   "Which languages are you proficient in?" (13 columns): 2594 answered (any
 *     column non-empty), C# 1352, C++ 740
 *   "Which technology products do you own? (You can choose more than one)"
 *     (17 columns): 2445 answered, iPhone 839, Android 744
 */
static void stackoverflow_2011(void **state)
{
	(void)state;
	const char *shared = e2e_shared_dir();
	if (!shared)
		skip();
	char src[1024], real[PATH_MAX], link[800];
	snprintf(src, sizeof(src),
		 "%s/data/real/stackoverflow_survey_2011/2011 Stack Overflow Survey Results.csv",
		 shared);
	if (access(src, R_OK) != 0 || !realpath(src, real))
		skip();
	struct run r;
	dataset(&r, NULL, NULL);
	e2e_write(r.dir, "survey/.keep", "");
	snprintf(link, sizeof(link), "%s/survey/responses.csv", r.dir);
	assert_int_equal(symlink(real, link), 0);
	report(&r);
	assert_int_equal(count(r.survey, "respondents"), 2813);
	assert_int_equal((long long)jnum(r.report, "quality.survey.rejected"), 0);

	const struct json_value *q = question(&r, "How old are you?");
	assert_int_equal(count(q, "answered"), 2729);
	assert_int_equal(count(option(q, "25-29"), "count"), 831);
	NEAR(num(option(q, "25-29"), "share"), 831.0 / 2729);

	q = question(&r, "Please rate your job/career satisfaction");
	assert_int_equal(count(q, "answered"), 2553);
	NEAR(num(option(q, "I enjoy going to work"), "share"), 1419.0 / 2553);

	q = question(&r, "Which of the following best describes your occupation?");
	assert_int_equal(count(q, "answered"), 2646);
	NEAR(num(option(q, "Web Application Developer"), "share"), 1066.0 / 2646);

	q = question(&r, "Which languages are you proficient in?");
	assert_string_equal(str(q, "type"), "multi");
	assert_int_equal(jlen(q, "options"), 13);
	assert_int_equal(count(q, "answered"), 2594);
	NEAR(num(option(q, "C#"), "share"), 1352.0 / 2594);
	NEAR(num(option(q, "C++"), "share"), 740.0 / 2594);

	q = question(&r, "Which technology products do you own? (You can choose more than one)");
	assert_string_equal(str(q, "type"), "multi");
	assert_int_equal(jlen(q, "options"), 17);
	assert_int_equal(count(q, "answered"), 2445);
	NEAR(num(option(q, "iPhone"), "share"), 839.0 / 2445);
	NEAR(num(option(q, "Android"), "share"), 744.0 / 2445);
	done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(survey_only_figures), cmocka_unit_test(invalid_answers),
		cmocka_unit_test(wjx_export),	       cmocka_unit_test(surveymonkey_export),
		cmocka_unit_test(stackoverflow_2011),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
