/*
 * The options of a report run, each written once.  A row is
 *
 *   X(name, kind, field, default, check, arg, group, help)
 *
 * name     the long flag (`--top`) and the config key (`top = 10`);
 * kind     TEXT (a char * replaced), INT (an int in a range), NUMBER (a
 *          double above a floor), FLAG (a bool: the bare flag or =yes says
 *          yes, =no no; provenance null when off), LIST (repeatable, no
 *          default) or CUSTOM (its own parser);
 * field    the member of struct ts_options (engine/options.h) it sets;
 * default  its value before any option is read (unused for LIST), an
 *          expression: a module's own default is named, not copied;
 * check    RANGE(lo, hi, why) for INT, FLOOR(lo, open, why) for NUMBER (open:
 *          the floor itself is refused), NOCHECK for TEXT, HANDLER(set,
 *          provenance) for LIST and CUSTOM: functions of engine/options.c,
 *          provenance NULL for an option provenance lists under another;
 *          why is the message of a bad value;
 * arg      the value's synopsis in the usage text;
 * group    INPUT, DOMAIN, PERIODS, RULES, PRIVACY, OUTPUT or SPEED: the
 *          heading it is listed under in the usage text;
 * help     one line for the usage text.
 *
 * From the table come the defaults (ts_options_new), the dispatch of
 * ts_options_set, the order and values of report.json's provenance options
 * (rows in table order), and, in cli/cmd_report.c, the getopt table and the
 * usage text, which use only name, arg, group and help (the other columns
 * are never expanded there).  -o, --config and --help belong to the command
 * line alone and are not rows.
 *
 * To add an option:
 *   1. a row here, where its provenance entry should be (appending keeps the
 *      provenance of existing options byte for byte);
 *   2. its field in struct ts_options, with ownership noted (and freed in
 *      ts_options_free if it owns memory);
 *   3. for LIST or CUSTOM, its set and provenance functions in
 *      engine/options.c;
 *   4. the code that reads the field, its tests (tests/e2e/test_privacy.c
 *      lists the provenance keys in order), README.md and, for a choice the
 *      contract leaves open, docs/CONTRACT-NOTES.md.
 */
#ifndef ENGINE_OPTION_TABLE_H
#define ENGINE_OPTION_TABLE_H

#define WHOLE_GE0 "expected a whole number ≥ 0"
#define WHOLE_GE1 "expected a whole number ≥ 1"

#define TS_OPTION_TABLE(X)                                                                      \
	X("period", LIST, periods, 0, HANDLER(set_period, prov_period), "NAME=YYYY-MM..YYYY-MM",    \
	  PERIODS, "a named range of months; repeatable (default: each year of the data)")          \
	X("keywords", TEXT, keywords_file, NULL, NOCHECK, "FILE", DOMAIN,                           \
	  "the domain's keywords, one a line (default: the built-in 大模型 list)")                 \
	X("content-keywords", TEXT, content_keywords_file, NULL, NOCHECK, "FILE", DOMAIN,           \
	  "keywords of the posts counted for heat (default: the --keywords list, or 大模型)")                        \
	X("roles", TEXT, roles_file, NULL, NOCHECK, "FILE", DOMAIN,                                 \
	  "role rules applied to titles (default: the built-in taxonomy)")                         \
	X("domain", CUSTOM, domain_name, NULL, HANDLER(set_text, prov_domain), "NAME", DOMAIN,      \
	  "the domain's name (default: the keywords file's name, or 大模型)")                      \
	X("coef", CUSTOM, coef, COEF_DEFAULT, HANDLER(set_coef, prov_coef),                         \
	  "postings=X,applications=Y,content=Z,roles=R,...", RULES,                                 \
	  "the fixed coefficients dividing the indices (breakdowns: the postings one)")         \
	X("top", INT, top, 10, RANGE(1, 1000000, WHOLE_GE1), "N", RULES,                            \
	  "items of each ranking")                                                     \
	X("min-group", INT, min_group, 30, RANGE(0, 1000000000, WHOLE_GE0), "N", RULES,             \
	  "postings a group needs to be ranked by salary or scarcity")                 \
	X("top-cities", INT, top_cities, 15, RANGE(1, 1000000, WHOLE_GE1), "N", RULES,              \
	  "items of the talent cities")                                                \
	X("min-cell-postings", INT, min_cell_postings, 10, RANGE(0, 1000000000, WHOLE_GE0), "K",    \
	  PRIVACY, "postings under which a salary or ratio is suppressed")             \
	X("min-cell-companies", INT, min_cell_companies, 3, RANGE(0, 1000000000, WHOLE_GE0), "K",   \
	  PRIVACY, "companies under which a salary or ratio is suppressed")             \
	X("min-survey-cell", INT, min_survey_cell, 5, RANGE(0, 1000000000, WHOLE_GE0), "N",         \
	  PRIVACY, "answers under which a survey cell is suppressed")                   \
	X("map", LIST, map_fields, 0, HANDLER(set_map, prov_map), "FIELD=COLUMN", INPUT,            \
	  "the column that holds a field; repeatable")                                              \
	X("split-company-info", LIST, map_fields, 0, HANDLER(set_split_company_info, NULL),         \
	  "COLUMN", INPUT, "a column of industry, stage and size (the map company_info=COLUMN)")    \
	X("date", LIST, default_date, 0, HANDLER(set_date, prov_date), "TABLE=YYYY-MM-DD", INPUT,   \
	  "the date of a table's rows when its export has no date column")                          \
	X("encoding", CUSTOM, encoding, NULL, HANDLER(set_text, prov_encoding), "NAME", INPUT,      \
	  "the encoding of files not in UTF-8, e.g. gb18030")                                       \
	X("lang", CUSTOM, lang, LANG_ZH, HANDLER(set_lang, prov_lang), "zh|en", OUTPUT,             \
	  "the language of the reports")                                               \
	X("segments", LIST, segments, 0, HANDLER(set_segments, prov_segments), "Q1,Q2", RULES,      \
	  "survey questions the cross-tabs segment by")                                             \
	X("workdays", NUMBER, salary.workdays_per_month,                                           \
	  salary_conventions_default.workdays_per_month,                                           \
	  FLOOR(0, true, "expected a positive number"), "N", RULES,                                 \
	  "working days a month, for daily salaries")                               \
	X("hours-per-day", NUMBER, salary.hours_per_day, salary_conventions_default.hours_per_day, \
	  FLOOR(0, true, "expected a positive number"), "N", RULES,                                 \
	  "working hours a day, for hourly salaries")                                   \
	X("usd-rate", NUMBER, salary.usd_rate, salary_conventions_default.usd_rate,                 \
	  FLOOR(0, true, "expected a positive number"), "N", RULES,                                 \
	  "CNY per USD, for salaries in dollars")                                     \
	X("repost-days", INT, repost_days, 60,                                                      \
	  RANGE(0, 100000, "expected a whole number of days ≥ 0 (0: off)"), "N", RULES,            \
	  "days within which the same job posted again is a repost (0: off)")           \
	X("repost-key", CUSTOM, repost_key, REPOST_KEY_DEFAULT,                                     \
	  HANDLER(set_repost_key, prov_repost_key), "FIELD,...", RULES,                             \
	  "the posting fields that make a job's content for reposts")                               \
	X("threads", CUSTOM, threads, 0, HANDLER(set_threads, prov_threads), "N|auto", SPEED,       \
	  "threads reading a table (auto: one per core)")                                   \
	X("checksum", CUSTOM, checksum, CHECKSUM_XXH128, HANDLER(set_checksum, prov_checksum),      \
	  "xxh128|sha256", OUTPUT, "the inputs' digest in provenance")             \
	X("formats", CUSTOM, formats, TS_FORMAT_ALL, HANDLER(set_formats, prov_formats),            \
	  "json,md,html,xlsx,csv", OUTPUT,                                                          \
	  "the report's formats (default: all); rejects.csv is always written")                     \
	X("follow-symlinks", FLAG, follow_symlinks, false, NOCHECK, "[=yes|no]", INPUT,            \
	  "read symbolic links that leave the dataset folder too (default: refused)")              \
	X("lead-factor", NUMBER, findings.lead_factor, findings_options_default.lead_factor,       \
	  FLOOR(1, false, "expected a number ≥ 1"), "X", RULES,                                     \
	  "a leader this many times the second is far ahead")                           \
	X("flat-band", NUMBER, findings.flat_band, findings_options_default.flat_band,             \
	  FLOOR(0, false, "expected a percentage ≥ 0"), "PCT", RULES,                               \
	  "a change within ±PCT % is flat")                                           \
	X("small-change", NUMBER, findings.small_change, findings_options_default.small_change,    \
	  FLOOR(0, false, "expected a percentage ≥ 0"), "PCT", RULES,                               \
	  "a change within ±PCT % is small")                                            \
	X("jump-pct", NUMBER, findings.jump_pct, findings_options_default.jump_pct,                \
	  FLOOR(0, false, "expected a percentage ≥ 0"), "PCT", RULES,                               \
	  "a month-on-month change of PCT % or more is a jump")                        \
	X("times-min", NUMBER, findings.times_min, findings_options_default.times_min,             \
	  FLOOR(1, false, "expected a number ≥ 1"), "X", RULES,                                     \
	  "the least ratio stated as N倍")                                              \
	X("streak", INT, findings.streak, findings_options_default.streak,                         \
	  RANGE(1, 1000000, WHOLE_GE1), "N", RULES,                                                 \
	  "months of rises or falls stated as a run")                                   \
	X("min-base", INT, findings.min_base, findings_options_default.min_base,                   \
	  RANGE(0, 1000000, WHOLE_GE0), "N", RULES,                                                 \
	  "respondents a segment needs for the survey's comparisons")                  \
	X("min-z", NUMBER, findings.min_z, findings_options_default.min_z,                         \
	  FLOOR(0, false, "expected a number ≥ 0"), "Z", RULES,                                     \
	  "the z a survey difference needs to be stated")

#endif
