#!/bin/sh
# Instruction counts of one `talentscope report` run, for comparing versions
# when wall times are noisy (a shared machine):
#
#   bench/callgrind.sh [DATASET] [extra report options…]
#
# DATASET defaults to bench/out/s1/data (run `make bench` or
# `bench/run.sh -b 1 -f 1` once to write it).  Prints the total instruction
# count (Ir), Ir per input byte, and the ten costliest functions.
set -eu
cd "$(dirname "$0")/.."
data=${1:-bench/out/s1/data}
[ $# -gt 0 ] && shift
out=bench/out/callgrind.out
valgrind --tool=callgrind --callgrind-out-file="$out" \
	./talentscope report "$data" -o bench/out/callgrind-report --config "$data/talentscope.conf" \
	"$@" >/dev/null 2>bench/out/callgrind.log
bytes=$(find "$data" -type f ! -name talentscope.conf -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }')
ir=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(/,/, "", $1); print $1; exit }')
echo "Ir $ir  input bytes $bytes  Ir/byte $(echo "$ir / $bytes" | bc -l | cut -c1-6)"
callgrind_annotate "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | sed -n '2,11p'
