#!/usr/bin/env bash
# Peak memory of the same rows plain, .gz, .zst and re-encoded (--encoding
# gb18030), and whether their reports agree:
#
#   bench/input_memory.sh [BINARY] [ROWS] [DIR]
#
# Writes ROWS (default 4,000,000) short postings that all share a few ids'
# worth of columns (the hostile shape: a small compressed file of many rows)
# and, as a second set, the demo's postings.csv at --scale 8, each plain,
# gzip -1, zstd -3 and iconv'd to GB18030, into DIR (default
# bench/out/input_memory); reports each with --threads 1 and 2 and prints
# wall seconds and peak RSS (/usr/bin/time).  Every report of a set must be
# the same bytes but for the input files' names, sizes and digests and the
# --threads and --encoding options in report.json's provenance, and the file names in
# rejects.csv: the script says "same" or "DIFFERENT" per set.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-./talentscope}") rows=${2:-4000000} dir=${3:-bench/out/input_memory}
mkdir -p "$dir"
dir=$(realpath "$dir")

make_set() { # set name, plain postings.csv already in $dir/$1/plain
	local s=$dir/$1
	mkdir -p "$s/gz" "$s/zst" "$s/gb"
	gzip -1 -c "$s/plain/postings.csv" >"$s/gz/postings.csv.gz"
	zstd -q -3 -c "$s/plain/postings.csv" >"$s/zst/postings.csv.zst"
	iconv -f utf-8 -t gb18030 "$s/plain/postings.csv" >"$s/gb/postings.csv"
}

# what may differ between forms of one set: input names, sizes, digests, options
normalise() {
	sed -E -e 's/postings\.csv(\.gz|\.zst)?/postings.csv/g' -e '/"(bytes|xxh128|threads|encoding)":/d' \
		-e 's#,[^,]*/(gz|zst|gb|plain)/#,SET/#' "$1"
}

if [ ! -f "$dir/hostile/plain/postings.csv" ]; then
	mkdir -p "$dir/hostile/plain"
	awk -v n="$rows" 'BEGIN { print "id,posted,company,title"
		for (i = 0; i < n; i++) printf "%d,2023-01-0%d,c%d,t\n", i, i % 9 + 1, i % 50 }' \
		>"$dir/hostile/plain/postings.csv"
	make_set hostile
fi
if [ ! -f "$dir/demo/plain/postings.csv" ]; then
	"$bin" demo -o "$dir/demo-src" --scale 8 >/dev/null
	mkdir -p "$dir/demo/plain"
	cp "$dir/demo-src/data/postings.csv" "$dir/demo/plain/"
	make_set demo
fi

for set in hostile demo; do
	s=$dir/$set
	ref=
	same=same
	for form in plain gz zst gb; do
		for t in 1 2; do
			out=$s/out-$form-$t
			enc=()
			[ "$form" = gb ] && enc=(--encoding gb18030)
			/usr/bin/time -f "%e %M" -o "$s/time" \
				"$bin" report "$s/$form" -o "$out" --threads "$t" "${enc[@]}" >/dev/null
			read -r secs kb <"$s/time"
			printf '%-8s %-6s threads %s  %6.2f s  %7d KB\n' "$set" "$form" "$t" "$secs" "$kb"
			normalise "$out/report.json" >"$out/report.norm"
			normalise "$out/rejects.csv" >"$out/rejects.norm"
			if [ -z "$ref" ]; then
				ref=$out
			elif ! cmp -s "$ref/report.norm" "$out/report.norm" ||
				! cmp -s "$ref/rejects.norm" "$out/rejects.norm" ||
				! diff -r -q -x report.json -x rejects.csv -x '*.norm' "$ref" "$out" >/dev/null; then
				same="DIFFERENT ($out)"
			fi
		done
	done
	echo "$set: $same"
done
