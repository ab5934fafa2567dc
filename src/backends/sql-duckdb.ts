/**
 * DuckDB flavor of the SQL targets (https://duckdb.org/docs/sql/functions/char). Strings are standard
 * SQL (`''` doubles a quote, backslash is literal); LIKE takes an explicit ESCAPE; regexes are RE2 via
 * regexp_matches (dot excludes newline by default, like Sigma); JSON through json_extract_string, list lambdas over `$.X[*]` and json_tree.
 */

import type { SqlFlavor } from './sql-flavor.js';
import { eventColumns } from './sql-schema.js';
import { likePattern } from './sql-text.js';

const quote = (t: string) => `'${t.replace(/'/g, "''")}'`;
const ident = (n: string) => `"${n.replace(/"/g, '""')}"`;
const NUMBER_RE = '^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*$';
const path = (field: string) => `$."${field.replace(/["\\]/g, '\\$&')}"`;
const SCALAR = "NOT IN ('OBJECT', 'ARRAY', 'NULL')";

/**
 * True when some value of the JSON at `path` (a JSON path text) of `doc` passes `test`: a list is filtered
 * element-wise with a lambda (`e` names its variable), a scalar is tested as text, an object has no value.
 */
function valuesAt(doc: string, path: string, test: (v: string) => string, e: string): string {
  const p = quote(path);
  const each = `list_filter(json_extract(${doc}, ${quote(`${path}[*]`)}), lambda ${e}: json_type(${e}) ${SCALAR} AND ${test(`(${e} ->> '$')`)})`;
  return `CASE json_type(${doc}, ${p}) WHEN 'ARRAY' THEN len(${each}) > 0 WHEN 'OBJECT' THEN NULL ELSE ${test(`json_extract_string(${doc}, ${p})`)} END`;
}
const PARTS = { minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year' } as const;

/** The DuckDB flavor. */
export const DUCKDB: SqlFlavor = {
  name: 'duckdb',
  title: 'DuckDB',
  quote,
  ident,
  true: 'true',
  false: 'false',
  json: (field) => `json_extract_string(fields, ${quote(path(field))})`,
  values: (field, test, depth) => valuesAt('fields', path(field), test, `tl_e${depth}`),
  lower: (x) => `lower(${x})`,
  startsWith: (x, lit) => `starts_with(${x}, ${lit})`,
  endsWith: (x, lit) => `ends_with(${x}, ${lit})`,
  contains: (x, lit) => `contains(${x}, ${lit})`,
  wildcard: (x, p, fold) => {
    const lit = quote(likePattern(p));
    return `${x} LIKE ${fold ? `lower(${lit})` : lit} ESCAPE '\\'`;
  },
  regex: (x, source) => `regexp_matches(${x}, ${quote(source)})`,
  number: (x) => `TRY_CAST(regexp_extract(${x}, ${quote(NUMBER_RE)}, 1) AS DOUBLE)`,
  datePart: (x, part) => {
    // Epoch milliseconds first (a bare integer), else ISO 8601 text with its offset applied (UTC).
    const ms = `TRY_CAST(regexp_extract(${x}, '^\\s*(-?\\d+)\\s*$', 1) AS BIGINT)`;
    const ts = `coalesce(make_timestamp(${ms} * 1000), CAST(TRY_CAST(${x} AS TIMESTAMPTZ) AS TIMESTAMP))`;
    return `extract(${PARTS[part]} FROM ${ts})`;
  },
  anyValue: (test) =>
    `EXISTS (SELECT 1 FROM json_tree(fields) AS kw WHERE kw.type = 'VARCHAR' AND ${test("(kw.value ->> '$')")})`,
  anyScalar: (test) =>
    `EXISTS (SELECT 1 FROM json_each(fields) AS kw WHERE ${valuesAt('kw.value', '$', test, 'tl_kw')})`,
  epochMs: 'epoch_ms(ts)',
  percentile: (x, p) => `quantile_disc(${x}, ${p})`,
  ddl: (table = 'events') => {
    const type = (c: string) =>
      c === 'ts' ? 'TIMESTAMP' : c === 'record' ? 'BIGINT' : c === 'fields' ? 'JSON' : 'VARCHAR';
    return `CREATE TABLE ${table} (${eventColumns()
      .map((c) => `${ident(c)} ${type(c)}`)
      .join(', ')})`;
  },
};
