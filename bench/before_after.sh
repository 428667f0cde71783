#!/usr/bin/env bash
# Two builds of talentscope run alternately on the same files, so that both
# meet the same minutes of a shared machine's changing pace:
#
#   bench/before_after.sh OLD_BINARY NEW_BINARY [RUNS] [SCALES]
#
# For each scale (default "16 64": bench/out/sN/data, written by make bench)
# and each of 1core (--threads 1 pinned with taskset -c 0), 1 and 2 threads,
# runs OLD then NEW, RUNS times (default 5), and prints the medians of wall
# seconds, CPU seconds (user + sys) and peak RSS (/usr/bin/time), and the
# speed-up.  Raw lines go to bench/out/before_after.raw.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 runs=${3:-5} scales=${4:-"16 64"}
raw=bench/out/before_after.raw
: >"$raw"
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# the raw lines of scale $sc, threads $t, build $which
sel() { awk -v sc="$sc" -v t="$t" -v w="$which" '$1 == sc && $2 == t && $3 == w' "$raw"; }
for sc in $scales; do
	d=bench/out/s$sc/data
	[ -d "$d" ] || { echo "before_after: $d is missing (make bench writes it)" >&2; exit 1; }
	for t in 1core 1 2; do
		pre=() th=$t
		if [ "$t" = 1core ]; then pre=(taskset -c 0); th=1; fi
		for _ in $(seq "$runs"); do
			for which in old new; do
				bin=$old
				[ "$which" = new ] && bin=$new
				/usr/bin/time -f "%e %U %S %M" -o bench/out/before_after.time \
					"${pre[@]}" "$bin" report "$d" -o "bench/out/before_after-$which" \
					--config "$d/talentscope.conf" --threads "$th" >/dev/null 2>&1
				echo "$sc $t $which $(cat bench/out/before_after.time)" >>"$raw"
			done
		done
		line="s$sc $t"
		for which in old new; do
			wall=$(sel | awk '{ print $4 }' | median)
			cpu=$(sel | awk '{ print $5 + $6 }' | median)
			rss=$(sel | awk '{ print $7 }' | median)
			eval "${which}_wall=$wall"
			line="$line  $which: wall $wall s, CPU $cpu s, RSS $((rss / 1024)) MB"
		done
		echo "$line  speed-up $(awk -v a="$old_wall" -v b="$new_wall" 'BEGIN { printf "%.2fx", a / b }')"
	done
done
