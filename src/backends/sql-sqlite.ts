/**
 * SQLite flavor of the SQL targets (https://sqlite.org/lang_corefunc.html). SQLite has no regex engine:
 * `x REGEXP y` calls an application function `regexp(y, x)`, which the host must register (tripline's
 * tests register RE2 through re2js). Its built-in lower() folds ASCII only; hosts that need Unicode
 * case-folding override `lower` the same way. GLOB (case-sensitive, `[*]` escapes) replaces LIKE, which
 * is ASCII-case-insensitive and cannot express `cased`.
 */

import type { SqlFlavor } from './sql-flavor.js';
import { eventColumns } from './sql-schema.js';
import { globPattern } from './sql-text.js';

const quote = (t: string) => `'${t.replace(/'/g, "''")}'`;
const ident = (n: string) => `"${n.replace(/"/g, '""')}"`;
const NUMBER_RE = '^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$';
const SPACES = 'char(9, 10, 12, 13, 32)';
const path = (field: string) => quote(`$."${field.replace(/["\\]/g, '\\$&')}"`);
// json_each/json_tree report JSON booleans as 1/0; their text is `true`/`false` as in the other databases.
const text = (row: string) =>
  `CASE ${row}.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(${row}.value AS TEXT) END`;

/**
 * True when some value of the `fields` JSON at `path` (an SQL expression) passes `test`: a list element by
 * element (`e` names the row), a scalar as text; an object has no value.
 */
function valuesAt(path: string, test: (v: string) => string, e: string): string {
  const each = `EXISTS (SELECT 1 FROM json_each(fields, ${path}) AS ${e} WHERE ${e}.type NOT IN ('object', 'array', 'null') AND ${test(text(e))})`;
  return `CASE json_type(fields, ${path}) WHEN 'array' THEN ${each} WHEN 'object' THEN NULL ELSE ${test(`json_extract(fields, ${path})`)} END`;
}
const PARTS = { minute: '%M', hour: '%H', day: '%d', week: '%V', month: '%m', year: '%Y' } as const;

/** The SQLite flavor. */
export const SQLITE: SqlFlavor = {
  name: 'sqlite',
  title: 'SQLite',
  quote,
  ident,
  true: 'TRUE',
  false: 'FALSE',
  json: (field) => `json_extract(fields, ${path(field)})`,
  values: (field, test, depth) => valuesAt(path(field), test, `tl_e${depth}`),
  lower: (x) => `lower(${x})`,
  startsWith: (x, lit) => `instr(${x}, ${lit}) = 1`,
  // substr from length(x) - length(lit) + 1 is never longer than x, so a longer literal never matches.
  endsWith: (x, lit) => `substr(${x}, length(${x}) - length(${lit}) + 1) = ${lit}`,
  contains: (x, lit) => `instr(${x}, ${lit}) > 0`,
  wildcard: (x, p, fold) => {
    const lit = quote(globPattern(p));
    return `${x} GLOB ${fold ? `lower(${lit})` : lit}`;
  },
  regex: (x, source) => `${x} REGEXP ${quote(source)}`,
  number: (x) => `CASE WHEN ${x} REGEXP ${quote(NUMBER_RE)} THEN CAST(trim(${x}, ${SPACES}) AS REAL) END`,
  datePart: (x, part) => {
    const ts = `CASE WHEN ${x} REGEXP '^\\s*-?\\d+\\s*$' THEN datetime(CAST(trim(${x}, ${SPACES}) AS INTEGER) / 1000.0, 'unixepoch') ELSE datetime(${x}) END`;
    return `CAST(strftime('${PARTS[part]}', ${ts}) AS INTEGER)`;
  },
  anyValue: (test) => `EXISTS (SELECT 1 FROM json_tree(fields) AS kw WHERE kw.type = 'text' AND ${test('kw.value')})`,
  anyScalar: (test) => `EXISTS (SELECT 1 FROM json_each(fields) AS kw WHERE ${valuesAt('kw.fullkey', test, 'tl_kw')})`,
  epochMs: "CAST(round(unixepoch(ts, 'subsec') * 1000) AS INTEGER)",
  ddl: (table = 'events') => {
    const type = (c: string) => (c === 'record' ? 'INTEGER' : c === 'ts' ? 'TEXT' : 'TEXT');
    return `CREATE TABLE ${table} (${eventColumns()
      .map((c) => `${ident(c)} ${type(c)}`)
      .join(', ')})`;
  },
};
