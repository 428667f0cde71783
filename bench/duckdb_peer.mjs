// The DuckDB peer of `make bench`: the market figures of a talentscope report
// computed in SQL from the same files, so the two engines can be timed on the
// same work in the same run.
//
//   node bench/duckdb_peer.mjs DATASET KEYWORDS CONTENT_KEYWORDS [THREADS]
//
// What it computes (the talentscope contract, section 5, in SQL):
//   - postings: first row of each id wins; month of `posted`; domain when a
//     keyword occurs (regexp, case-insensitive) in title, category, tags or
//     description; role = category, else the title; openings 1..10000 else 1;
//     monthly salary range from the salary text (K / 千 / 万 units);
//   - applications joined to the domain postings (month of `applied`);
//   - posts and comments holding a content keyword, by month;
//   - domain talents by city (the part before a district separator);
//   - group-bys: by month; by period × role, company, industry, company × role,
//     education (domain and all postings).
// It prints one JSON line: the seconds spent in SQL and a few totals that the
// bench compares with talentscope's report.json (domain postings, applications
// to domain postings, content posts), so a fast wrong peer would show.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, existsSync } from 'node:fs';

const [dataset, kwFile, contentFile, threads] = process.argv.slice(2);
if (!dataset || !kwFile || !contentFile) {
	console.error('usage: node duckdb_peer.mjs DATASET KEYWORDS CONTENT_KEYWORDS [THREADS]');
	process.exit(2);
}

function keywords(path) {
	const words = readFileSync(path, 'utf8').split('\n')
		.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
	return [...new Set(words)];
}
const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sqlString = (s) => `'${s.replace(/'/g, "''")}'`;
const pattern = (words) => sqlString(words.map(reEscape).join('|'));

// Periods from the dataset's talentscope.conf (period = NAME=YYYY-MM..YYYY-MM).
const periods = [];
const conf = `${dataset}/talentscope.conf`;
if (existsSync(conf)) {
	for (const line of readFileSync(conf, 'utf8').split('\n')) {
		const m = line.match(/^\s*period\s*=\s*(.+)=(\d{4}-\d{2})\.\.(\d{4}-\d{2})\s*$/);
		if (m) periods.push([m[1], m[2], m[3]]);
	}
}
const periodValues = periods.length
	? periods.map(([n, a, b]) => `(${sqlString(n)}, '${a}', '${b}')`).join(', ')
	: "('all', '0000-00', '9999-99')";

const domainRe = pattern(keywords(kwFile));
const contentRe = pattern(keywords(contentFile));
const csv = (glob) =>
	`read_csv(${sqlString(glob)}, header = true, all_varchar = true, ignore_errors = true)`;
// The month (YYYY-MM) of a date written YYYY-MM-DD or YYYY/MM/DD (the forms
// the demo writes), else NULL (the row is rejected).
const month = (col) =>
	`CASE WHEN regexp_matches(${col}, '^\\s*[0-9]{4}[-/][0-9]{2}[-/][0-9]{2}') ` +
	`THEN replace(substr(trim(${col}), 1, 7), '/', '-') END`;

const statements = [
	`CREATE TEMP TABLE periods(name VARCHAR, m_from VARCHAR, m_to VARCHAR)`,
	`INSERT INTO periods VALUES ${periodValues}`,
	`CREATE TEMP TABLE raw_postings AS SELECT * FROM ${csv(`${dataset}/postings.csv`)}`,
	`CREATE TEMP TABLE postings AS
	 WITH firsts AS (
	   SELECT * FROM raw_postings
	   QUALIFY row_number() OVER (PARTITION BY id ORDER BY rowid) = 1),
	 parsed AS (
	   SELECT id, ${month('posted')} AS month, company, industry,
	     coalesce(nullif(trim(category), ''), trim(title)) AS role,
	     regexp_matches(concat_ws(chr(1), title, category, tags, description),
	                    ${domainRe}, 'i') AS domain,
	     CASE WHEN TRY_CAST(openings AS INTEGER) BETWEEN 1 AND 10000
	          THEN TRY_CAST(openings AS INTEGER) ELSE 1 END AS openings,
	     regexp_extract(salary, '([0-9.]+)(?:-([0-9.]+))?\\s*([Kk千万])',
	                    ['lo', 'hi', 'unit']) AS s,
	     education
	   FROM firsts)
	 SELECT id, month, company, industry, role, domain, openings, education,
	   TRY_CAST(s.lo AS DOUBLE) * (CASE s.unit WHEN '万' THEN 10000 ELSE 1000 END) AS smin,
	   TRY_CAST(coalesce(nullif(s.hi, ''), s.lo) AS DOUBLE)
	     * (CASE s.unit WHEN '万' THEN 10000 ELSE 1000 END) AS smax
	 FROM parsed WHERE month IS NOT NULL`,
	`CREATE TEMP TABLE apps AS
	 SELECT p.id, a.month, p.role, p.company, p.industry FROM
	   (SELECT posting_id, ${month('applied')} AS month
	    FROM ${csv(`${dataset}/applications/*.csv`)}) a
	   JOIN postings p ON p.id = a.posting_id
	 WHERE a.month IS NOT NULL AND p.domain`,
	`CREATE TEMP TABLE content AS
	 SELECT month, count(*) AS content FROM (
	   SELECT ${month('created')} AS month, text FROM
	     read_json(${sqlString(`${dataset}/posts.jsonl`)}, format = 'newline_delimited',
	               columns = {id: 'VARCHAR', created: 'VARCHAR', text: 'VARCHAR'})
	   QUALIFY row_number() OVER (PARTITION BY id) = 1)
	 WHERE month IS NOT NULL AND regexp_matches(text, ${contentRe}, 'i')
	 GROUP BY month`,
];

const queries = {
	months: `
	 WITH p AS (SELECT month, count(*) AS postings, sum(openings) AS openings,
	              count(smin) AS salary_n, avg((smin + smax) / 2) AS avg_salary
	            FROM postings WHERE domain GROUP BY month),
	      a AS (SELECT month, count(*) AS applications FROM apps GROUP BY month)
	 SELECT p.*, a.applications, c.content FROM p
	   LEFT JOIN a USING (month) LEFT JOIN content c USING (month) ORDER BY month`,
	roles: dim('role'),
	companies: dim('company'),
	industries: dim('industry'),
	company_roles: `
	 SELECT pe.name, company, role, count(*) AS postings
	 FROM postings p JOIN periods pe ON p.month BETWEEN pe.m_from AND pe.m_to
	 WHERE domain GROUP BY ALL ORDER BY pe.name, company, postings DESC, role`,
	education: `
	 SELECT pe.name, education, count(*) AS all_postings,
	   count(*) FILTER (WHERE domain) AS domain_postings
	 FROM postings p JOIN periods pe ON p.month BETWEEN pe.m_from AND pe.m_to
	 GROUP BY ALL ORDER BY ALL`,
	talent_cities: `
	 SELECT regexp_replace(trim(city), '[-·・ (（].*$', '') AS city, count(*) AS talents
	 FROM (SELECT * FROM ${csv(`${dataset}/talents.csv`)}
	       QUALIFY row_number() OVER (PARTITION BY id) = 1)
	 WHERE regexp_matches(concat_ws(chr(1), title, tags, resume), ${domainRe}, 'i')
	 GROUP BY ALL ORDER BY talents DESC, city`,
};

function dim(col) {
	return `
	 WITH p AS (
	   SELECT pe.name, ${col} AS v, count(*) AS postings, sum(openings) AS openings,
	     avg((smin + smax) / 2) AS avg_salary
	   FROM postings p JOIN periods pe ON p.month BETWEEN pe.m_from AND pe.m_to
	   WHERE domain AND ${col} IS NOT NULL GROUP BY ALL),
	 a AS (
	   SELECT pe.name, ${col} AS v, count(*) AS applications
	   FROM apps a JOIN periods pe ON a.month BETWEEN pe.m_from AND pe.m_to
	   GROUP BY ALL)
	 SELECT p.*, a.applications, a.applications / p.openings AS supply_demand_ratio
	 FROM p LEFT JOIN a USING (name, v) ORDER BY name, postings DESC, v`;
}

const t0 = process.hrtime.bigint();
const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
const con = await instance.connect();
for (const sql of statements)
	await con.run(sql);
const out = {};
for (const [name, sql] of Object.entries(queries))
	out[name] = (await con.runAndReadAll(sql)).getRowObjectsJson();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

const sum = (rows, key) => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
const totals = (await con.runAndReadAll(
	`SELECT count(*) FILTER (WHERE domain) AS domain_postings FROM postings`)).getRowObjectsJson()[0];
console.log(JSON.stringify({
	seconds,
	domain_postings: Number(totals.domain_postings),
	applications_to_domain: sum(out.months, 'applications'),
	content: sum(out.months, 'content'),
	months: out.months.length,
	roles: out.roles.length,
	companies: out.companies.length,
}));
