/*
 * Fuzz target: education_parse (clean/education.c): the answer is one of the levels
 * and has a name.
 * The fuzzer's bytes are one cell.
 */
#include "clean/education.h"
#include "fuzz/harness.h"

int fuzz_education(const uint8_t *data, size_t size)
{
	enum education_level l = education_parse(slice_make((const char *)data, size));
	FUZZ_CHECK("education", l >= EDUCATION_UNKNOWN && l < EDUCATION_COUNT);
	FUZZ_CHECK("education", education_name(l) != NULL);
	return 0;
}

FUZZ_ENTRY(fuzz_education)
