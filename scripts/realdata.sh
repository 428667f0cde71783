#!/bin/sh
# make realdata: runs ./talentscope report over the real public exports in
# ../shared/data/real (or $TS_SHARED/data/real) and prints, per file, how much
# the cleaners and the role taxonomy recognised and how many reposts were
# found.  Every number is read back from the run's report.json
# (quality.postings), so this measures what a user's report shows.  The files
# are linked (by absolute path) into a temporary dataset, never copied.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${TS_SHARED:-$root/../shared}
real=$shared/data/real
bin=${TS_BIN:-$root/talentscope}
if [ ! -d "$real" ]; then
	echo "realdata: $real is absent; nothing to measure (set TS_SHARED)"
	exit 0
fi
real=$(cd "$real" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ts-realdata.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# quality.postings of a report.json as "key value" lines (the file is the
# engine's own pretty-printed JSON: two spaces an indent level).
quality() {
	awk '
		/^  "quality": \{/ { inq = 1; next }
		inq && /^    "postings": \{/ { inp = 1; next }
		inp && /^    \}/ { exit }
		inp {
			line = $0
			gsub(/[",]/, "", line)
			split(line, kv, ":")
			gsub(/ /, "", kv[1]); gsub(/ /, "", kv[2])
			print kv[1], kv[2]
		}' "$1"
}

# "n/d (p%)", or "n/a" when d is 0.
share() {
	awk -v n="$1" -v d="$2" 'BEGIN {
		if (d + 0 == 0) print "n/a"
		else printf "%d/%d (%.1f%%)\n", n, d, 100 * n / d
	}'
}

printf '%-10s %6s  %-20s %-20s %-20s %-20s %s\n' file rows "salaries parsed" \
	"cities recognised" "education known" "roles other than 其他" reposts
status=0
measure() {
	name=$1 file=$2
	shift 2
	if [ ! -f "$real/$file" ]; then
		echo "$name: $real/$file is absent; skipped"
		return
	fi
	mkdir -p "$tmp/$name/data"
	ln -s "$real/$file" "$tmp/$name/data/postings.csv"
	if ! "$bin" report "$tmp/$name/data" -o "$tmp/$name/report" "$@" 2>"$tmp/$name/err"; then
		echo "$name: talentscope report failed: $(cat "$tmp/$name/err")"
		status=1
		return
	fi
	quality "$tmp/$name/report/report.json" >"$tmp/$name/q"
	get() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/$name/q"; }
	accepted=$(get accepted) unknown=$(get salary_unknown) unparsed=$(get salary_unparsed)
	salary_base=$((accepted - unknown))
	salary_ok=$((salary_base - unparsed))
	role_known=$((accepted - $(get role_other)))
	printf '%-10s %6s  %-20s %-20s %-20s %-20s %s of %s (%s unique)\n' "$name" "$accepted" \
		"$(share "$salary_ok" "$salary_base")" \
		"$(share "$(get city_known)" "$(get city_given)")" \
		"$(share "$(get education_known)" "$(get education_given)")" \
		"$(share "$role_known" "$accepted")" \
		"$(get reposts)" "$accepted" "$(get postings_unique)"
}

# The exports carry no posting date: each gets its crawl date (contract
# section 8, --date).  Columns the aliases do not cover are mapped.
measure boss boss_python/boss.csv --date postings=2022-12-16 \
	--map id=详情页链接 --split-company-info 公司信息
measure 51job 51job_bigdata/51job.csv --date postings=2023-09-26 --map industry=分类
measure lagou lagou_dataanalyst/lagou.csv --date postings=2019-07-10 \
	--map tags=positionLables
measure glassdoor glassdoor_ds_jobs/glassdoor_jobs.csv --date postings=2020-06-01
echo "(shares over non-empty fields; salaries over those not empty, 面议 or a missing marker;"
echo " roles over all accepted postings; reposts: the same job content within 60 days,"
echo " --repost-key company,title,city,salary,education,experience,description)"
exit $status
