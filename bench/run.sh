#!/usr/bin/env bash
# `make bench`: how fast `talentscope report` runs at scale, against a peer in
# the same run.
#
#   bench/run.sh [-b BASE] [-f "1 4 16"] [-r RUNS] [-t "1 2"] [-x BINARY] [--no-peer] [--no-tables]
#
# For each factor F it writes the demo dataset at scale BASE×F into
# bench/out/sN (plain CSV: the gzip application shards are unpacked, so MB/s
# measures parsing, not inflate) once, warms the page cache, then times, each
# as a whole process, the median of RUNS runs:
#   - talentscope report (per thread count, when the binary has --threads;
#     "1core" is --threads 1 pinned to one CPU with taskset, so that the
#     provenance hash thread shares that core: the targets' "one core"):
#     wall seconds, CPU seconds (user+sys), peak RSS (/usr/bin/time), MB/s of
#     input (every file the report reads) and rows/s;
#   - the floor of a keyword scan: LC_ALL=C grep -c -F -i -f KEYWORDS postings.csv;
#   - the DuckDB peer (bench/duckdb_peer.mjs, @duckdb/node-api installed into
#     bench/node_modules with npm) computing the same market figures in SQL,
#     checked against talentscope's totals, and the ratio of the two times.
# At the middle factor it also times each table alone (a dataset of symlinks
# holding that table; applications = postings+applications − postings) for
# rows/s per table.  The binary (./talentscope, or -x BINARY) is copied first,
# so that a rebuild during the run changes nothing.  Wall times on a shared machine are noisy: CPU seconds are
# printed beside them, and callgrind (bench/callgrind.sh) compares versions.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out

BASE=4
FACTORS="1 4 16"
RUNS=5
PEER_RUNS=3
THREADS=""
BIN=$ROOT/talentscope
PEER=1
TABLES=1
while [ $# -gt 0 ]; do
	case $1 in
	-b) BASE=$2; shift 2 ;;
	-f) FACTORS=$2; shift 2 ;;
	-r) RUNS=$2; shift 2 ;;
	-t) THREADS=$2; shift 2 ;;
	-x) BIN=$2; shift 2 ;;
	--no-peer) PEER=0; shift ;;
	--no-tables) TABLES=0; shift ;;
	-h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "bench: unknown option '$1'" >&2; exit 2 ;;
	esac
done

[ -x "$BIN" ] || { echo "bench: build ./talentscope first (make)" >&2; exit 1; }
mkdir -p "$OUT/tmp"
TS=$OUT/tmp/talentscope.$$
cp "$BIN" "$TS"
trap 'rm -f "$TS"' EXIT
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
if [ -z "$THREADS" ]; then
	if "$TS" report --help 2>&1 | grep -q -- '--threads'; then
		THREADS="1 $(nproc)"
		command -v taskset >/dev/null && THREADS="1core $THREADS"
	else
		THREADS="default"
	fi
fi
mkdir -p "$OUT"
KW=$OUT/keywords.flat
grep -v '^#' data/keywords.txt | sed 's/[[:space:]]*$//' | grep -v '^$' | sort -u >"$KW"

# ---- helpers ----

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }

# run_timed OUTFILE RUNS CMD...: runs CMD RUNS times; OUTFILE gets "wall cpu rss_kb" per run.
# Output goes to a file, not /dev/null: GNU grep stops at the first match
# when its output is /dev/null.
run_timed() {
	local out=$1 runs=$2; shift 2
	: >"$out"
	for _ in $(seq "$runs"); do
		local t0 t1
		t0=$(now)
		/usr/bin/time -f '%U %S %M' -o "$out.time" "$@" >"$out.out" 2>"$out.err" ||
			{ echo "bench: failed: $*" >&2; cat "$out.err" >&2; exit 1; }
		t1=$(now)
		read -r u s m <"$out.time"
		echo "$(echo "$t1 - $t0" | bc -l) $(echo "$u + $s" | bc -l) $m" >>"$out"
	done
}
col_median() { awk -v c="$2" '{ print $c }' "$1" | median; }

# The dataset at scale N, plain CSV, generated once.
dataset() {
	local n=$1 dir=$OUT/s$1
	if [ ! -f "$dir/.ready" ]; then
		rm -rf "$dir"
		echo "bench: generating scale $n into $dir" >&2
		"$TS" demo --scale "$n" --data-only -o "$dir" >/dev/null
		for gz in "$dir"/data/applications/*.gz; do
			[ -e "$gz" ] && gunzip -f "$gz"
		done
		touch "$dir/.ready"
	fi
	echo "$dir/data"
}

input_bytes() { # every file the report reads (%.0f: mawk prints a sum over 2^31 as 4.5e+09)
	find "$1" -type f ! -name talentscope.conf -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }'
}

# rows of table T from a report.json's quality block
quality_rows() {
	awk -v t="\"$2\": {" '
		/"quality": \{/ { q = 1 }
		q && index($0, t) { in_t = 1; next }
		in_t && /"rows":/ { gsub(/[^0-9]/, ""); print; exit }' "$1"
}

table_paths() { # the file(s) or folder of table $2 in dataset $1
	local p
	for p in "$1/$2" "$1/$2".*; do [ -e "$p" ] && echo "$p"; done
}

report_cmd() { # report_cmd DATA OUTDIR THREADS
	local th=() pin=()
	case $3 in
	default) ;;
	# one core in all: one reading thread, and the provenance hash thread
	# shares that core instead of running beside it
	1core) th=(--threads 1) pin=(taskset -c 0) ;;
	*) th=(--threads "$3") ;;
	esac
	# the table sets link the dataset's files in: --follow-symlinks
	echo "${pin[@]}" "$TS" report "$1" -o "$2" --config "$1/talentscope.conf" \
		--follow-symlinks "${th[@]}"
}

ensure_peer() {
	[ "$PEER" = 1 ] || return 1
	command -v node >/dev/null && command -v npm >/dev/null ||
		{ echo "bench: node/npm missing: no DuckDB peer" >&2; PEER=0; return 1; }
	if [ ! -d bench/node_modules/@duckdb/node-api ]; then
		echo "bench: npm install @duckdb/node-api into bench/node_modules" >&2
		(cd bench && npm install --no-audit --no-fund --silent) ||
			{ echo "bench: npm install failed: no DuckDB peer" >&2; PEER=0; return 1; }
	fi
}

fmt() { printf "%.${2:-2}f" "$1"; }

# ---- the runs ----

ensure_peer || true
set -- $FACTORS
MID=${2:-$1}
echo "# talentscope bench $(date -u +%Y-%m-%dT%H:%MZ)"
echo "# $BIN (HEAD $(git rev-parse --short HEAD 2>/dev/null || echo '?')) · $(nproc) cores ·" \
	"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ·" \
	"load $(cut -d' ' -f1-3 /proc/loadavg) · runs $RUNS (median)"
echo
SUMMARY=$OUT/summary.md
{
	echo "| factor | scale | input MB | postings | threads | wall s | CPU s | MB/s wall | MB/s CPU | rows/s | peak RSS MB | RSS budget MB |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$SUMMARY"
PEERS=$OUT/peers.md
{
	echo "| scale | talentscope wall s | CPU s | DuckDB wall s | CPU s | DuckDB SQL s | ratio wall | ratio CPU | grep -F floor s | grep MB/s | totals agree |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
} >"$PEERS"

for f in $FACTORS; do
	n=$((BASE * f))
	data=$(dataset "$n")
	rep=$OUT/s$n/report
	bytes=$(input_bytes "$data")
	cat $(find "$data" -type f) >/dev/null # page cache
	mb=$(echo "$bytes / 1000000" | bc -l)
	best_wall="" best_cpu=""
	for th in $THREADS; do
		# shellcheck disable=SC2046
		run_timed "$OUT/tmp/t.$n.$th" "$RUNS" $(report_cmd "$data" "$rep" "$th")
		wall=$(col_median "$OUT/tmp/t.$n.$th" 1)
		cpu=$(col_median "$OUT/tmp/t.$n.$th" 2)
		rss=$(col_median "$OUT/tmp/t.$n.$th" 3)
		rows=0
		for t in postings applications talents posts companies; do
			r=$(quality_rows "$rep/report.json" "$t")
			rows=$((rows + ${r:-0}))
		done
		np=$(quality_rows "$rep/report.json" postings)
		budget=$(echo "200 + 40 * ${np:-0} / 1000000" | bc -l)
		printf '| %s× | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$f" "$n" \
			"$(fmt "$mb" 0)" "$np" "$th" "$(fmt "$wall")" "$(fmt "$cpu")" \
			"$(fmt "$(echo "$mb / $wall" | bc -l)" 0)" "$(fmt "$(echo "$mb / $cpu" | bc -l)" 0)" \
			"$(fmt "$(echo "$rows / $wall" | bc -l)" 0)" "$(fmt "$(echo "$rss / 1024" | bc -l)" 1)" \
			"$(fmt "$budget" 0)" | tee -a "$SUMMARY"
		best_wall=$wall best_cpu=$cpu
	done

	# the floor of a keyword scan over the postings file
	run_timed "$OUT/tmp/g.$n" "$RUNS" env LC_ALL=C grep -c -F -i -f "$KW" "$data/postings.csv"
	gwall=$(col_median "$OUT/tmp/g.$n" 1)
	pmb=$(echo "$(stat -c %s "$data/postings.csv") / 1000000" | bc -l)

	if [ "$PEER" = 1 ]; then
		run_timed "$OUT/tmp/d.$n" "$PEER_RUNS" node bench/duckdb_peer.mjs "$data" data/keywords.txt \
			data/content_keywords.txt
		cp "$OUT/tmp/d.$n.out" "$OUT/tmp/d.$n.json" # the last run's totals
		dwall=$(col_median "$OUT/tmp/d.$n" 1)
		dcpu=$(col_median "$OUT/tmp/d.$n" 2)
		dsql=$(sed 's/.*"seconds":\([0-9.]*\).*/\1/' "$OUT/tmp/d.$n.json")
		# the peer's totals against talentscope's report.json
		dp=$(sed 's/.*"domain_postings":\([0-9]*\).*/\1/' "$OUT/tmp/d.$n.json")
		da=$(sed 's/.*"applications_to_domain":\([0-9]*\).*/\1/' "$OUT/tmp/d.$n.json")
		tp=$(awk '/"quality": \{/ { q = 1 } q && /"postings": \{/ { p = 1 } p && /"domain":/ { gsub(/[^0-9]/, ""); print; exit }' "$rep/report.json")
		ta=$(awk '/"quality": \{/ { q = 1 } q && /"to_domain_postings":/ { gsub(/[^0-9]/, ""); print; exit }' "$rep/report.json")
		agree="postings $tp/$dp, applications $ta/$da"
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$(fmt "$best_wall")" \
			"$(fmt "$best_cpu")" "$(fmt "$dwall")" "$(fmt "$dcpu")" "$(fmt "$dsql")" \
			"$(fmt "$(echo "$dwall / $best_wall" | bc -l)" 1)×" \
			"$(fmt "$(echo "$dcpu / $best_cpu" | bc -l)" 1)×" "$(fmt "$gwall")" \
			"$(fmt "$(echo "$pmb / $gwall" | bc -l)" 0)" "$agree" >>"$PEERS"
	else
		printf '| %s | %s | %s | - | - | - | - | - | %s | %s | - |\n' "$n" "$(fmt "$best_wall")" \
			"$(fmt "$best_cpu")" "$(fmt "$gwall")" "$(fmt "$(echo "$pmb / $gwall" | bc -l)" 0)" >>"$PEERS"
	fi
done
echo
cat "$PEERS"

# ---- rows/s per table, at the middle factor ----
# NUM / SECONDS, or "-" when the seconds are too few to divide by: applications'
# time is a difference of two runs, at small scales below the timer's grain.
per() { if [ "$(echo "$2 > 0.005" | bc -l)" = 1 ]; then fmt "$(echo "$1 / $2" | bc -l)" 0; else echo -; fi; }
if [ "$TABLES" = 1 ]; then
	n=$((BASE * MID))
	data=$OUT/s$n/data
	echo
	echo "| table (scale $n) | threads | rows | MB | wall s | CPU s | rows/s wall | rows/s CPU | MB/s CPU |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for th in $THREADS; do
		declare -A W C
		for set in postings "postings applications" talents posts; do
			key=${set// /+}
			sub=$OUT/s$n/only-$key
			rm -rf "$sub" && mkdir -p "$sub"
			ln -s "$data/talentscope.conf" "$sub/"
			for t in $set; do ln -s $(table_paths "$data" "$t") "$sub/"; done
			# shellcheck disable=SC2046
			run_timed "$OUT/tmp/p.$n.$key.$th" "$RUNS" $(report_cmd "$sub" "$OUT/s$n/report-$key" "$th")
			W[$key]=$(col_median "$OUT/tmp/p.$n.$key.$th" 1)
			C[$key]=$(col_median "$OUT/tmp/p.$n.$key.$th" 2)
		done
		for t in postings applications talents posts; do
			if [ "$t" = applications ]; then
				w=$(echo "${W[postings+applications]} - ${W[postings]}" | bc -l)
				c=$(echo "${C[postings+applications]} - ${C[postings]}" | bc -l)
				rj=$OUT/s$n/report-postings+applications/report.json
			else
				w=${W[$t]} c=${C[$t]} rj=$OUT/s$n/report-$t/report.json
			fi
			r=$(quality_rows "$rj" "$t")
			tb=$(find $(table_paths "$data" "$t") -type f -printf '%s\n' | awk '{ s += $1 } END { print s / 1e6 }')
			printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$t" "$th" "$r" "$(fmt "$tb" 0)" \
				"$(fmt "$w")" "$(fmt "$c")" "$(per "$r" "$w")" "$(per "$r" "$c")" "$(per "$tb" "$c")"
		done
		unset W C
	done
fi
