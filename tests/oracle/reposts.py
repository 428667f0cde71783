#!/usr/bin/env python3
"""An implementation of the data contract's repost rule (section 2, "Reposts") written
apart from the engine, over Python's csv module: the oracle behind the repost counts that
tests/e2e/test_realdata.c expects of the real exports in ../shared/data/real.

The exports carry no posting date, so every row has its crawl day and the 60-day window
always holds: a row is a repost when an earlier accepted row (not rejected, not a repeated
id) has the same job content.  The columns are mapped by hand, as `make realdata` maps them.

    python3 tests/oracle/reposts.py [SHARED_DIR]
"""
import csv
import os
import re
import sys

csv.field_size_limit(1 << 30)
KEY = ['company', 'title', 'city', 'salary', 'salary_min', 'salary_max', 'education',
       'experience', 'description']
SPACE = ' \t\r\n\f\v'


def fold(s):
    """Trimmed (ASCII white space and U+3000), white-space runs as one space, ASCII lower."""
    s = s.strip(SPACE + '\u3000')
    s = re.sub('[' + SPACE + ']+', ' ', s)
    return ''.join(chr(ord(c) + 32) if 'A' <= c <= 'Z' else c for c in s)


def company(s):
    """The company as the rankings name it: trimmed, a trailing rating line dropped."""
    s = s.strip(SPACE + '\u3000')
    m = re.match(r'^(.*?)[\r\n]([0-9][0-9.]*)$', s, re.S)
    if m and m.group(1) != '':
        s = m.group(1).strip(SPACE + '\u3000')
    return s


def count(path, cols):
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    header = rows[0]
    idx = {k: header.index(v) for k, v in cols.items()}
    seen_ids, jobs = set(), set()
    stats = dict(rows=0, rejected=0, duplicates=0, accepted=0, reposts=0)
    for line, row in enumerate(rows[1:], start=2):
        stats['rows'] += 1
        if len(row) != len(header) or row == header:
            stats['rejected'] += 1
            continue
        def get(k):
            return row[idx[k]] if k in idx else ''
        rid = get('id') if 'id' in idx else '%s:%d' % (path, line)
        if not rid.strip() or not get('company').strip() or not get('title').strip():
            stats['rejected'] += 1
            continue
        if rid in seen_ids:
            stats['duplicates'] += 1
            continue
        seen_ids.add(rid)
        stats['accepted'] += 1
        key = tuple(fold(company(get(f))) if f == 'company' else fold(get(f)) for f in KEY)
        if key in jobs:
            stats['reposts'] += 1
        else:
            jobs.add(key)
    return stats


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', '..', '..', 'shared')
    real = os.path.join(shared, 'data', 'real')
    exports = [
        ('boss', 'boss_python/boss.csv',
         dict(id='详情页链接', title='职位名称', city='职位地址', salary='薪资',
              education='学历经验要求', experience='学历经验要求', company='公司名称')),
        ('51job', '51job_bigdata/51job.csv',
         dict(title='岗位名称', salary='薪资', city='公司地址', experience='工作经验',
              education='学历要求', company='公司名称', description='岗位描述')),
        ('lagou', 'lagou_dataanalyst/lagou.csv',
         dict(title='positionName', salary='salary', experience='workYear',
              education='education', city='city', company='companyFullName')),
        ('glassdoor', 'glassdoor_ds_jobs/glassdoor_jobs.csv',
         dict(title='Job Title', salary='Salary Estimate', description='Job Description',
              company='Company Name', city='Location')),
    ]
    for name, rel, cols in exports:
        path = os.path.join(real, rel)
        if not os.path.exists(path):
            print('%s: %s is absent; skipped' % (name, path))
            continue
        s = count(path, cols)
        print('%-10s rows %5d  accepted %5d  duplicates %d  reposts %d' %
              (name, s['rows'], s['accepted'], s['duplicates'], s['reposts']))


if __name__ == '__main__':
    main()
