/**
 * ClickHouse flavor of the SQL targets (https://clickhouse.com/docs/sql-reference/functions). String
 * literals take backslash escapes, so `\` and `'` are escaped with a backslash; LIKE always uses `\` as
 * its escape. `match()` is RE2 with dot matching newline by default, so `(?-s)` restores Sigma's default.
 * lower() is ASCII-only, lowerUTF8() folds Unicode.
 */

import type { SqlFlavor } from './sql-flavor.js';
import { eventColumns } from './sql-schema.js';
import { likePattern } from './sql-text.js';

const quote = (t: string) => `'${t.replace(/[\\']/g, '\\$&').replace(/\0/g, '\\0')}'`;
const ident = (n: string) => `"${n.replace(/[\\"]/g, '\\$&')}"`;
const NUMBER_RE = '^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*$';
// Every string token of the JSON text (keys marked by the `:` after them) and, in the second form, every
// number token: scanning all strings left to right never starts inside one, so no escape is misread.
const STRINGS = quote('"((?:[^"\\\\]|\\\\.)*)"(\\s*:)?');
const STRINGS_AND_NUMBERS = quote('"((?:[^"\\\\]|\\\\.)*)"(\\s*:)?|(-?\\d[-+.eE\\d]*)');
const DECODED = `JSONExtractString(concat('"', g[1], '"'))`;
/** The text of a raw JSON scalar (strings decoded, numbers and booleans as written), else null. */
const scalarText = (raw: string) =>
  `multiIf(JSONType(${raw}) = 'String', JSONExtractString(${raw}), JSONType(${raw}) IN ('Int64', 'UInt64', 'Double', 'Bool'), ${raw}, NULL)`;
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
  values: (field, test, depth) => {
    // A list is searched element by element; a scalar is tested as text; an object has no value.
    const k = quote(field);
    const e = `tl_e${depth}`;
    const each = `arrayExists(${e} -> coalesce(${test(scalarText(e))}, false), JSONExtractArrayRaw(fields, ${k}))`;
    return `multiIf(JSONType(fields, ${k}) = 'Array', ${each}, JSONType(fields, ${k}) = 'Object', NULL, ${test(`JSONExtract(fields, ${k}, 'Nullable(String)')`)})`;
  },
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
  anyValue: (test, numbers) => {
    // ClickHouse has no JSON tree walk: the leaves are the string (not key) and number tokens of the text.
    const tokens = `extractAllGroups(fields, ${numbers ? STRINGS_AND_NUMBERS : STRINGS})`;
    const leaves = `arrayMap(g -> ${numbers ? `if(g[3] != '', g[3], ${DECODED})` : DECODED}, arrayFilter(g -> g[2] = '', ${tokens}))`;
    return `arrayExists(kw -> coalesce(${test('kw')}, false), ${leaves})`;
  },
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
