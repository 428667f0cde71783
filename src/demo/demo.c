/*
 * The demo dataset: the market tables (demo/market_gen.c) and the
 * questionnaire (demo/survey_gen.c), both calibrated so that the engine,
 * computing from the rows alone, reproduces the reference report's figures.
 */
#include "demo/market_gen.h"
#include "demo/survey_gen.h"
#include "talentscope.h"

enum ts_status ts_demo_write(const char *outdir, unsigned scale, unsigned long seed,
			     struct ts_error *err)
{
	enum ts_status st = demo_market_write(outdir, scale ? scale : 1, seed, err);
	if (st == TS_OK)
		st = demo_survey_write(outdir, seed, err);
	return st;
}
