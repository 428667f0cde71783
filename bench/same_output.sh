#!/bin/sh
# Checks that a faster build computes the same report: runs two binaries on a
# dataset and compares every output file byte for byte.
#
#   bench/same_output.sh OLD_BINARY NEW_BINARY DATASET [report options…]
#
# A dataset holding talentscope.conf is run with --config it; $NEW_OPTS
# (e.g. "--threads 2") go to the new binary only.  Exit 0 when
# report.json, report.md, report.html, tables/ and rejects.csv are identical.
set -eu
old=$1 new=$2 data=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
conf=
[ -f "$data/talentscope.conf" ] && conf="--config $data/talentscope.conf"
# shellcheck disable=SC2086
"$old" report "$data" -o "$tmp/old" $conf "$@" >/dev/null 2>"$tmp/old.err" || true
# shellcheck disable=SC2086
"$new" report "$data" -o "$tmp/new" $conf ${NEW_OPTS:-} "$@" >/dev/null 2>"$tmp/new.err" || true
if diff -r "$tmp/old" "$tmp/new" >"$tmp/diff" && cmp -s "$tmp/old.err" "$tmp/new.err"; then
	echo "same: $data $*"
else
	echo "DIFFERENT: $data $*"
	head -20 "$tmp/diff"
	diff "$tmp/old.err" "$tmp/new.err" | head -5
	exit 1
fi
