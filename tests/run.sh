#!/bin/sh
# Runs every test binary of each build folder given (plain, sanitized) from
# the repository root and counts the cmocka tests; prints failures in full and
# ends with one line "N passed, N failed".
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for build in "$@"; do
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		TS_BIN="$build/talentscope" TS_TMP="${TMPDIR:-/tmp}" "$t" >"$log" 2>&1
		rc=$?
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
		p=${p:-0}
		f=${f:-0}
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			f=1 # crashed or died before cmocka could count
		fi
		passed=$((passed + p))
		failed=$((failed + f))
		if [ "$f" -ne 0 ]; then
			echo "---- $t (exit $rc)"
			cat "$log"
		fi
	done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
