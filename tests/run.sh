#!/bin/sh
# Runs the test binaries of each build folder given (plain, sanitized) from
# the repository root and counts the cmocka tests; prints failures in full and
# ends with one line "N passed, N failed" (skipped tests, such as the browser
# test without Chromium, are counted on a line of their own before it).
#
#   sh tests/run.sh [-t NAME] [-j JOBS] [-T] BUILD...
#
# -t NAME runs only test_NAME of each build; $TS_TEST_CASE (make's CASE=)
# narrows it to the cases whose names match, through tests/support/
# case_filter.c.  -j JOBS binaries run at once (default 2, the machine's two
# cores: each binary works in temp folders of its own, so any two may run
# side by side, and the plain and sanitized builds' share the cores instead
# of one build waiting for the other).  -T prints each binary's CPU seconds
# (user + sys, from /usr/bin/time, which load on the machine changes little)
# and wall seconds.  One binary's run is `tests/run.sh --one BIN RESULTS_DIR`.
set -u

if [ "${1:-}" = --one ]; then
	t=$2
	res=$3
	build=${t%/tests/*}
	name=$(echo "$t" | tr / _)
	log="$res/$name.log"
	if [ -x /usr/bin/time ]; then
		TS_BIN="$build/talentscope" /usr/bin/time -f '%U %S %e' -o "$res/$name.time" \
			"$t" >"$log" 2>&1
	else
		TS_BIN="$build/talentscope" "$t" >"$log" 2>&1
	fi
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	s=${s:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or died before cmocka could count
	fi
	echo "$t $rc $p $f $s" >"$res/$name.count"
	exit 0
fi

only=
jobs=2
times=0
while getopts t:j:T opt; do
	case $opt in
	t) only=$OPTARG ;;
	j) jobs=$OPTARG ;;
	T) times=1 ;;
	*)
		echo "usage: sh tests/run.sh [-t NAME] [-j JOBS] [-T] BUILD..." >&2
		exit 2
		;;
	esac
done
shift $((OPTIND - 1))

res=$(mktemp -d)
# The tests' datasets and reports go to memory (/dev/shm) when it can be had:
# on this machine's disk, writing them took more system time than the tests'
# own work (the 13,200-month report of test_bad_input: 6.5 s of sys against
# 0.4 in tmpfs).  $TS_TMP chooses another folder.
if [ -z "${TS_TMP:-}" ]; then
	base=${TMPDIR:-/tmp}
	# (not where mounted noexec: test_public_lib runs a program it builds there)
	if [ -d /dev/shm ] && [ -w /dev/shm ] &&
		! grep -qs '^[^ ]* /dev/shm [^ ]* [^ ]*noexec' /proc/mounts; then
		base=/dev/shm
	fi
	TS_TMP=$(mktemp -d "$base/talentscope-tests.XXXXXX")
	export TS_TMP
	trap 'rm -rf "$res" "$TS_TMP"' EXIT
else
	export TS_TMP
	trap 'rm -rf "$res"' EXIT
fi

# The binaries to run, the slowest first by the CPU time each took last time
# (kept in BUILD/tests/times.txt; a binary without one counts as slowest), so
# that the last to finish are short and neither core waits long at the end.
list=$res/list
for build in "$@"; do
	if [ -n "$only" ]; then
		set -- "$build/tests/test_$only"
		if [ ! -x "$1" ]; then
			echo "tests/run.sh: no test binary '$1'" >&2
			exit 2
		fi
	else
		set -- "$build"/tests/test_*
	fi
	for t in "$@"; do
		[ -x "$t" ] || continue
		last=$(awk -v t="$t" '$2 == t { c = $1 } END { print c == "" ? 1e9 : c }' \
			"$build/tests/times.txt" 2>/dev/null || echo 1e9)
		echo "$last $t"
	done
done >"$res/unsorted"
sort -k1,1gr -k2 "$res/unsorted" | cut -d' ' -f2 >"$list"

xargs -P "$jobs" -I{} sh "$0" --one {} "$res" <"$list"

passed=0
failed=0
skipped=0
while read -r t; do
	name=$(echo "$t" | tr / _)
	if [ ! -f "$res/$name.count" ]; then
		echo "---- $t (did not run)"
		failed=$((failed + 1))
		continue
	fi
	read -r _ rc p f s <"$res/$name.count"
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	if [ "$f" -ne 0 ]; then
		echo "---- $t (exit $rc)"
		cat "$res/$name.log"
	fi
	if [ -f "$res/$name.time" ]; then
		read -r user sys wall <"$res/$name.time"
		cpu=$(echo "$user $sys" | awk '{ printf "%.2f", $1 + $2 }')
		[ "$times" = 1 ] && printf '%8s s CPU %8s s wall  %s\n' "$cpu" "$wall" "$t"
		# the whole line, so that one rewrite per binary keeps the file short
		times_file=${t%/tests/*}/tests/times.txt
		{ awk -v t="$t" '$2 != t' "$times_file" 2>/dev/null; echo "$cpu $t"; } >"$res/times.new"
		mv "$res/times.new" "$times_file"
	fi
done <"$list"
[ "$skipped" -ne 0 ] && echo "$skipped skipped"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
