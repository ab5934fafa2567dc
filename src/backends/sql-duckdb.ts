/**
 * DuckDB flavor of the SQL targets (https://duckdb.org/docs/sql/functions/char). Strings are standard
 * SQL (`''` doubles a quote, backslash is literal); LIKE takes an explicit ESCAPE; regexes are RE2 via
 * regexp_matches (dot excludes newline by default, like Sigma); JSON through json_extract_string/json_each.
 */

import type { SqlFlavor } from './sql-flavor.js';
import { eventColumns } from './sql-schema.js';
import { likePattern } from './sql-text.js';

const quote = (t: string) => `'${t.replace(/'/g, "''")}'`;
const ident = (n: string) => `"${n.replace(/"/g, '""')}"`;
const NUMBER_RE = '^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*$';
const PARTS = { minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year' } as const;

/** The DuckDB flavor. */
export const DUCKDB: SqlFlavor = {
  name: 'duckdb',
  title: 'DuckDB',
  quote,
  ident,
  true: 'true',
  false: 'false',
  json: (field) => `json_extract_string(fields, ${quote(`$."${field.replace(/["\\]/g, '\\$&')}"`)})`,
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
  anyValue: (test) => `EXISTS (SELECT 1 FROM json_each(fields) AS kw WHERE ${test("(kw.value ->> '$')")})`,
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
