/*
 * Which columns of responses.csv hold which question (contract section 6):
 * the questions of questions.json bound to their columns, or, when the
 * export comes without questions.json, the questions its header rows and
 * answers show.  This is where a vendor's export shape (问卷星, 腾讯问卷,
 * SurveyMonkey, Qualtrics) is recognised; the figures (figures/survey.h)
 * only parse the answers of the columns given here.
 *
 * Columns.  With questions.json, a question reads the column named by its id
 * (case-insensitively), or else the one-column-per-option spread of 问卷星 /
 * 腾讯问卷 exports: headers `ID:option`, `ID：option`, `ID(option)` or
 * `ID（option）` where ID is the question id or its number (`Q5` ↔ `5`), the
 * option given by text or number; a cell `1` (anything but empty, `0` or a
 * negative skip code such as 问卷星's -2/-3) marks the option chosen (single:
 * two chosen is invalid; ranked: the cell holds the option's rank, a rank
 * given twice is invalid).  A question without any column has no answers.
 *
 * Inferred questions (no questions.json).  Three header shapes are detected:
 * - Qualtrics: a third row whose cells start with `{"ImportId"`; row 1 holds
 *   ids, row 2 texts, row 3 is skipped.  Consecutive columns `P_1`, `P_2`, …
 *   sharing the prefix P form one multi question whose options are the texts
 *   after the last ` - ` of row 2.
 * - SurveyMonkey: a second row holding `Response` or `Open-Ended Response`.  A
 *   question starts at each non-empty cell of row 1 and runs over the empty
 *   cells after it; one column marked `Response` is a question of its own,
 *   `Open-Ended Response` is text, several columns are one multi question
 *   whose options are the row-2 texts, a non-empty cell meaning chosen.
 * - one header row (问卷星 / 腾讯问卷 / the contract's own shape): two or more
 *   consecutive headers `K:option` / `K(option)` with the same K form one
 *   multi question of 0/1 cells as above; each other column is a question.
 * Known metadata columns (序号, 提交答卷时间, 所用时间, 来源, 来自IP, Respondent
 * ID, StartDate, ResponseId, respondent, …) are skipped.  A question's id is
 * `Q<n>` when its header starts with a number n (`5、…`, `Q5`), else its
 * header; two-row exports number their questions Q1, Q2, … in column order.
 * A single column's type comes from its answers: any `┋` → multi (options
 * split on `┋`); any `→` → ranked; all whole numbers in 0..10 with a header
 * speaking of a score (分, score, rate, rating, NPS, 推荐) → scale 0..10; other
 * whole numbers with at most 12 distinct values → single, options in numeric
 * order; more than 20 whole numbers, all different (ids) → text; other
 * numbers → number; more than 20 distinct texts making up more than half the
 * answers (free text) → text; else single with the distinct answers as
 * options.
 *
 * Respondents' data (inferred questions).  A column is text, counted and
 * never printed, when its header names a person or a way to reach one (姓名
 * 名字 称呼 联系 电话 手机 邮箱 邮件 微信 地址 住址 身份证 证件 学号 工号 编号
 * 序号 账号 帐号 用户名 昵称 anywhere in it; id uid name email e-mail phone
 * mobile tel telephone wechat weixin qq address ip respondent contact username
 * nickname ssn passport as a whole word, any case), or when any answer holds
 * an e-mail address, a mainland mobile number (1[3-9] and 9 digits, also
 * 3-4-4 grouped or after 86) or an ID or card number (15 to 19 digits in a
 * row, or 17 and an X).  Options read from the answers (single and the `┋` /
 * `→` lists; not whole-number singles, scales or options named by headers)
 * are the respondents' words: those chosen by fewer than opts->min_cell
 * respondents are folded into one last option SURVEY_FOLDED_OPTION (answers
 * renumbered, a ranked answer's ranks closed up), so no such label is in the
 * model; the others are ordered by survey_option_cmp.  Options of
 * questions.json, and those named by headers, keep the questionnaire's order.
 */
#ifndef CLEAN_SURVEY_LAYOUT_H
#define CLEAN_SURVEY_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "read/survey_read.h"
#include "util/arena.h"
#include "util/slice.h"

/* How the columns of a spread question mark an option chosen. */
enum survey_spread {
	SURVEY_SPREAD_NONE,     /* one column holds the answer */
	SURVEY_SPREAD_NONEMPTY, /* any non-empty cell (SurveyMonkey) */
	SURVEY_SPREAD_01        /* anything but empty, 0 or a negative skip code */
};

struct survey_spread_col {
	size_t col, opt;
};

/* One question and where its answers are.  Strings and options live in the
 * arena given to survey_layout_bind or survey_layout_infer; spread_cols is
 * the layout's own (survey_layout_free). */
struct survey_layout_question {
	const char *id, *text;
	enum question_type type;
	size_t nopt;
	const char **opts;
	int min, max;             /* scale bounds; number: valid range when has_range */
	bool has_range, segment;
	bool numbered;            /* a whole number k selects option k */
	bool from_answers;        /* options are respondents' answers (inferred): folded
				   * when rare and ordered by survey_option_cmp */
	long col;                 /* its one column, or -1 */
	enum survey_spread spread; /* or one column per option */
	size_t nspread;
	struct survey_spread_col *spread_cols;
	uint32_t *slots;          /* option index of the options as laid out: open
				   * addressing, option + 1, 0 empty */
	size_t slot_mask;
};

struct survey_layout {
	struct survey_layout_question *qs;
	size_t nq, cap;
	size_t first_row;         /* rows before it are header rows */
};

/* The questions of questions.json, bound to the columns of the header row
 * rows[0]. */
void survey_layout_bind(struct survey_layout *lay, const struct survey_question_def *defs,
			size_t ndefs, const struct survey_row *rows, size_t nrows,
			struct arena *a);

/* The questions of an export without questions.json, from its header rows
 * and answers. */
void survey_layout_infer(struct survey_layout *lay, const struct survey_row *rows, size_t nrows,
			 struct arena *a);

/* Replaces q's options by opts[0, n) (in arena a, which also gets their
 * index), so that the index always describes the options. */
void survey_layout_set_options(struct survey_layout_question *q, const char **opts, size_t n,
			       struct arena *a);

/* The option a label names exactly, or -1. */
int survey_layout_find(const struct survey_layout_question *q, struct slice label);

/* The option an answer names: its label, its label with 问卷星's filled-in
 * text dropped, or (numbered questions) its 1-based number; -1 if none. */
int survey_layout_match(const struct survey_layout_question *q, struct slice answer);

void survey_layout_free(struct survey_layout *lay);

#endif
