/**
 * Elastic ES|QL (https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-language.html).
 * Case-insensitive Sigma matches compare `TO_LOWER(field)` with a lower-cased literal; `LIKE` has `*` and `?`
 * wildcards and a backslash escape; `RLIKE` takes anchored Lucene regexes (case-folded as `[aA]`). A missing
 * field makes a comparison null and `NOT null` is null, so every NOT is `NOT COALESCE(x, false)`: an event
 * without the field then satisfies `not selection`, as Sigma requires.
 */
import { isWildcard, patternShape } from '../ir/pattern.js';
import type { DatePart, NumberMatch, Pattern, StringMatch } from '../ir/types.js';
import { unsupported } from './emit.js';
import { elasticField, isKeywordField } from './eql-shared.js';
import { esqlCorrelation } from './esql-correlation.js';
import { esqlString, esqlWhere } from './esql-text.js';
import { sigmaToLuceneRegex } from './lucene-regex.js';
import type { Dialect, Emitted } from './types.js';

/** A pattern as a LIKE pattern: `*` / `?` wildcards, literal `*`, `?` and `\` escaped with `\`. */
export function likePattern(p: Pattern, lower: boolean): string {
  let out = '';
  for (const x of p) {
    if (typeof x === 'string') out += (lower ? x.toLowerCase() : x).replace(/[*?\\]/g, '\\$&');
    else out += isWildcard(x) && x.wildcard === 'one' ? '?' : '*';
  }
  return out;
}

const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '==' } as const;
const KEYWORDS = unsupported('keywords (full-text search): ES|QL WHERE compares named fields only');
/** Sigma date parts as DATE_EXTRACT chrono fields (ISO weeks have no aligned equivalent). */
const PARTS: Readonly<Record<DatePart, string | undefined>> = {
  minute: 'minute_of_hour',
  hour: 'hour_of_day',
  day: 'day_of_month',
  week: undefined,
  month: 'month_of_year',
  year: 'year',
};

function stringMatch(n: StringMatch): Emitted {
  if (n.field === null) return KEYWORDS;
  const f = elasticField(n.field);
  const subject = n.cased ? f : `TO_LOWER(${f})`;
  const shape = patternShape(n.pattern);
  if (shape.kind === 'exact') return `${subject} == ${esqlString(n.cased ? shape.text : shape.text.toLowerCase())}`;
  return `${subject} LIKE ${esqlString(likePattern(n.pattern, !n.cased))}`;
}

function numberText(field: string, value: number): string {
  return isKeywordField(field) ? esqlString(String(value)) : String(value);
}

/** `TO_LOWER(f) IN ("a", "b")` for exact case-insensitive values, `f IN (1, 2)` for numbers. */
function orSameField(field: string, nodes: readonly (StringMatch | NumberMatch)[]): string | undefined {
  const f = elasticField(field);
  if (nodes.every((n) => n.kind === 'number'))
    return `${f} IN (${nodes.map((n) => numberText(field, (n as NumberMatch).value)).join(', ')})`;
  const texts: string[] = [];
  for (const n of nodes) {
    const shape = n.kind === 'string' && !n.cased ? patternShape(n.pattern) : undefined;
    if (shape?.kind !== 'exact') return undefined;
    texts.push(esqlString(shape.text.toLowerCase()));
  }
  return `TO_LOWER(${f}) IN (${texts.join(', ')})`;
}

/** Elastic ES|QL: `FROM logs-* | WHERE ...`, STATS over BUCKET windows for correlations. */
export const esql = {
  name: 'esql',
  title: 'Elastic ES|QL',
  highlight: 'esql',
  pipelines: { default: ['ecs'], available: ['ecs', 'sysmon-winlogbeat'] },
  and: ' AND ',
  or: ' OR ',
  not: (inner) => `NOT COALESCE(${inner}, false)`,
  group: (inner) => `(${inner})`,
  constant: (v) => (v ? 'true' : 'false'),
  leaves: {
    string: stringMatch,
    number: (n) => (n.field === null ? KEYWORDS : `${elasticField(n.field)} == ${numberText(n.field, n.value)}`),
    boolean: (n) => `${elasticField(n.field)} == ${n.value}`,
    null: (n) => `${elasticField(n.field)} IS NULL`,
    exists: (n) => `${elasticField(n.field)} ${n.exists ? 'IS NOT NULL' : 'IS NULL'}`,
    regex: (n) => {
      if (n.field === null) return KEYWORDS;
      const re = sigmaToLuceneRegex(n.regex, n.flags, true);
      return typeof re === 'string' ? `${elasticField(n.field)} RLIKE ${esqlString(re)}` : re;
    },
    // TO_IP makes keyword-mapped addresses (winlog.event_data.*) comparable too; on `ip` fields it is a no-op.
    cidr: (n) => `CIDR_MATCH(TO_IP(${elasticField(n.field)}), ${esqlString(n.network)})`,
    compare: (n) => `${elasticField(n.field)} ${OPS[n.op]} ${n.value}`,
    datepart: (n) => {
      const part = PARTS[n.part];
      if (!part) return unsupported(`date part '${n.part}': ES|QL has no ISO week-of-year extraction`);
      return `DATE_EXTRACT(${esqlString(part)}, ${elasticField(n.field)}) ${OPS[n.op]} ${n.value}`;
    },
    fieldref: (n) => {
      const [a, b] = [elasticField(n.field), elasticField(n.other)];
      const [x, y] = n.cased ? [a, b] : [`TO_LOWER(${a})`, `TO_LOWER(${b})`];
      if (n.position === 'equals') return `${x} == ${y}`;
      if (n.position === 'startswith') return `STARTS_WITH(${x}, ${y})`;
      if (n.position === 'endswith') return `ENDS_WITH(${x}, ${y})`;
      return `LOCATE(${x}, ${y}) > 0`;
    },
  },
  orSameField,
  query: (condition, scope, rule) => esqlQuery(condition, scope.condition, scope.table, rule.expr.kind),
  correlation: (rule, bases) => esqlCorrelation(rule, bases),
} satisfies Dialect;

/** `FROM logs-* | WHERE <category> AND <scope> AND <condition>`. */
export function esqlQuery(
  condition: string,
  scope: string | undefined,
  table: string | undefined,
  kind: string,
): string {
  return `FROM logs-* | WHERE ${esqlWhere(condition, scope, table, kind)}`;
}
