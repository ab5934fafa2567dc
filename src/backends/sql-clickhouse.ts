/**
 * ClickHouse flavor of the SQL targets (https://clickhouse.com/docs/sql-reference/functions). String
 * literals take backslash escapes, so `\` and `'` are escaped with a backslash; LIKE always uses `\` as
 * its escape. `match()` is RE2 with dot matching newline by default, so `(?-s)` restores Sigma's default.
 * lower() is ASCII-only, lowerUTF8() folds Unicode.
 */

import type { SqlFlavor } from './sql-flavor.js';
import { eventColumns } from './sql-schema.js';
import { likePattern } from './sql-text.js';

const quote = (t: string) => {
  const escaped = t.replace(/[\\']/g, '\\$&');
  return `'${escaped.includes('\0') ? escaped.replace(/\0/g, '\\0') : escaped}'`;
};
const ident = (n: string) => `"${n.replace(/[\\"]/g, '\\$&')}"`;
const NUMBER_RE = '^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*$';
// Every string token of the JSON text, keys marked by the `:` after them: scanning all strings left to right
// never starts inside one, so no escape is misread.
const STRINGS = quote('"((?:[^"\\\\]|\\\\.)*)"(\\s*:)?');
/** The text of a raw JSON scalar (strings decoded, numbers and booleans as written), else null. */
const scalarText = (raw: string) =>
  `multiIf(JSONType(${raw}) = 'String', JSONExtractString(${raw}), JSONType(${raw}) IN ('Int64', 'UInt64', 'Double', 'Bool'), ${raw}, NULL)`;

/**
 * True when some value of the JSON `doc[, key]` passes `test`: a list element by element (`e` names the
 * lambda variable), a scalar as text; an object has no value.
 */
function valuesAt(at: string, test: (v: string) => string, e: string): string {
  const each = `arrayExists(${e} -> coalesce(${test(scalarText(e))}, false), JSONExtractArrayRaw(${at}))`;
  return `multiIf(JSONType(${at}) = 'Array', ${each}, JSONType(${at}) = 'Object', NULL, ${test(`JSONExtract(${at}, 'Nullable(String)')`)})`;
}
const PARTS = {
  minute: 'toMinute',
  hour: 'toHour',
  day: 'toDayOfMonth',
  week: 'toISOWeek',
  month: 'toMonth',
  year: 'toYear',
} as const;

/** The ClickHouse flavor. */
export const CLICKHOUSE: SqlFlavor = {
  name: 'clickhouse',
  title: 'ClickHouse',
  quote,
  ident,
  true: 'true',
  false: 'false',
  json: (field) => `JSONExtract(fields, ${quote(field)}, 'Nullable(String)')`,
  values: (field, test, depth) => valuesAt(`fields, ${quote(field)}`, test, `tl_e${depth}`),
  lower: (x) => `lowerUTF8(${x})`,
  startsWith: (x, lit) => `startsWith(${x}, ${lit})`,
  endsWith: (x, lit) => `endsWith(${x}, ${lit})`,
  contains: (x, lit) => `position(${x}, ${lit}) > 0`,
  wildcard: (x, p, fold) => {
    const lit = quote(likePattern(p));
    return `${x} LIKE ${fold ? `lowerUTF8(${lit})` : lit}`;
  },
  regex: (x, source) => `match(${x}, ${quote(`(?-s)${source}`)})`,
  number: (x) => `toFloat64OrNull(extract(${x}, ${quote(NUMBER_RE)}))`,
  datePart: (x, part) => {
    const ms = `toInt64OrNull(extract(${x}, '^\\\\s*(-?\\\\d+)\\\\s*$'))`;
    const ts = `coalesce(fromUnixTimestamp64Milli(${ms}, 'UTC'), parseDateTime64BestEffortOrNull(${x}, 3, 'UTC'))`;
    return `${PARTS[part]}(${ts})`;
  },
  anyValue: (test) => {
    // ClickHouse has no JSON tree walk: the leaves are the string tokens of the text that are not keys.
    const strings = `arrayFilter(g -> g[2] = '', extractAllGroups(fields, ${STRINGS}))`;
    const leaves = `arrayMap(g -> JSONExtractString(concat('"', g[1], '"')), ${strings})`;
    return `arrayExists(kw -> coalesce(${test('kw')}, false), ${leaves})`;
  },
  anyScalar: (test) =>
    `arrayExists(kw -> coalesce(${valuesAt('kw', test, 'tl_kw')}, false), arrayMap(t -> t.2, JSONExtractKeysAndValuesRaw(fields)))`,
  cidr6: (x, network) =>
    `(isIPv6String(ifNull(${x}, '')) AND isIPAddressInRange(if(isIPv6String(ifNull(${x}, '')), ${x}, '::'), ${quote(network)}))`,
  epochMs: 'toUnixTimestamp64Milli(ts)',
  percentile: (x, p) => `quantileExactLow(${p})(${x})`,
  ddl: (table = 'events') => {
    const type = (c: string) =>
      c === 'ts'
        ? "Nullable(DateTime64(3, 'UTC'))"
        : c === 'record'
          ? 'Nullable(Int64)'
          : c === 'fields'
            ? 'String'
            : 'Nullable(String)';
    return `CREATE TABLE ${table} (${eventColumns()
      .map((c) => `${ident(c)} ${type(c)}`)
      .join(', ')}) ENGINE = Memory`;
  },
};
