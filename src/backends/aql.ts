/**
 * IBM QRadar AQL (Ariel Query Language). Semantics per construct are in docs/targets/aql.md.
 * - Strings are single-quoted; a quote inside is doubled (ANSI VARCHAR,
 *   https://www.ibm.com/docs/en/qsip/7.5?topic=structure-quotation-marks). Backslashes are literal.
 * - `LIKE` is case-sensitive, `ILIKE` is not; `%` and `_` are their only wildcards and AQL documents no
 *   escape for them, so a value holding a literal `%`, `_` or a control character is matched with
 *   `MATCHES`/`IMATCHES`, whose Java regex must match the whole value
 *   (https://www.ibm.com/docs/en/qsip/7.5?topic=language-aql-logical-comparison-operators).
 * - `INCIDR('10.0.0.0/8', sourceip)` tests IPv4 networks; custom properties are double-quoted.
 */
import { isWildcard, patternShape } from '../ir/pattern.js';
import type { NumberMatch, Pattern, RegexMatch, StringMatch } from '../ir/types.js';
import { aqlCorrelation } from './aql-correlation.js';
import { unsupported } from './emit.js';
import { escapeRegex } from './shared.js';
import type { Dialect, Emitted } from './types.js';

/** QRadar normalised event columns, written bare; every other name is a double-quoted custom property. */
export const AQL_COLUMNS: ReadonlySet<string> = new Set([
  'sourceip',
  'destinationip',
  'sourceport',
  'destinationport',
  'username',
  'devicetype',
  'devicetime',
  'starttime',
  'qid',
  'category',
  'payload',
  'protocolid',
  'magnitude',
  'identityip',
  'logsourceid',
  'eventcount',
]);

/** Functions a field expression of a pipeline may use (`LOGSOURCETYPENAME(devicetype)`, `UTF8(payload)`). */
const FIELD_FUNCTION = /^(LOGSOURCETYPENAME|LOGSOURCENAME|QIDNAME|CATEGORYNAME|UTF8)\([a-z]+\)$/;

/** Control characters have no documented escape in an AQL string: such values go through a regex. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** An AQL string literal with exactly the value `s` (quotes doubled). */
export function aqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** A field reference: normalised column, function expression, or `"custom property"`. */
export function aqlField(name: string): Emitted {
  if (AQL_COLUMNS.has(name) || FIELD_FUNCTION.test(name)) return name;
  if (name.includes('"') || CONTROL.test(name) || name === '')
    return unsupported(`field name '${name}' cannot be written as an AQL custom property`);
  return `"${name}"`;
}

/** Escapes control characters for a Java regex as `\uXXXX` (valid inside and outside classes). */
function javaSafe(source: string): string {
  return source.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A Java regex that must match a whole value, for a Sigma pattern. */
export function patternJavaRegex(p: Pattern): string {
  return javaSafe(
    p
      .map((part) => {
        if (typeof part === 'string') return escapeRegex(part);
        return isWildcard(part) && part.wildcard === 'one' ? '[\\s\\S]' : '[\\s\\S]*';
      })
      .join(''),
  );
}

/** A LIKE pattern for a Sigma pattern, or undefined when a literal `%`, `_` or control character forbids it. */
export function patternLike(p: Pattern): string | undefined {
  let out = '';
  for (const part of p) {
    if (typeof part === 'string') {
      if (/[%_]/.test(part) || CONTROL.test(part)) return undefined;
      out += part;
    } else out += isWildcard(part) && part.wildcard === 'one' ? '_' : '%';
  }
  return out;
}

function stringMatch(n: StringMatch): Emitted {
  const target = n.field === null ? 'UTF8(payload)' : aqlField(n.field);
  if (typeof target !== 'string') return target;
  // Keywords: Sigma looks for the value anywhere in the event, here the raw payload.
  const p: Pattern = n.field === null ? [{ wildcard: 'many' }, ...n.pattern, { wildcard: 'many' }] : n.pattern;
  const shape = patternShape(p);
  if (shape.kind === 'any') return `${target} IS NOT NULL`;
  const like = patternLike(p);
  if (like === undefined) return `${target} ${n.cased ? 'MATCHES' : 'IMATCHES'} ${aqlString(patternJavaRegex(p))}`;
  if (shape.kind === 'exact' && n.cased) return `${target} = ${aqlString(like)}`;
  return `${target} ${n.cased ? 'LIKE' : 'ILIKE'} ${aqlString(like)}`;
}

/** Sigma regexes search; MATCHES must match the whole value, so the regex is padded with `[\s\S]*`. */
function regexMatch(n: RegexMatch): Emitted {
  const target = n.field === null ? 'UTF8(payload)' : aqlField(n.field);
  if (typeof target !== 'string') return target;
  const flags = `${n.flags.multiline ? 'm' : ''}${n.flags.dotAll ? 's' : ''}`;
  const body = `[\\s\\S]*(?${flags}:${javaSafe(n.regex)})[\\s\\S]*`;
  return `${target} ${n.flags.ignoreCase ? 'IMATCHES' : 'MATCHES'} ${aqlString(body)}`;
}

function numberMatch(n: NumberMatch): Emitted {
  if (n.field === null) return `UTF8(payload) LIKE ${aqlString(`%${n.value}%`)}`;
  const f = aqlField(n.field);
  return typeof f === 'string' ? `${f} = ${n.value}` : f;
}

/** Same-field OR lists: numbers and case-sensitive exact strings become `IN (...)`. */
function orSameField(field: string, nodes: readonly (StringMatch | NumberMatch)[]): string | undefined {
  const f = aqlField(field);
  if (typeof f !== 'string' || nodes.length < 2) return undefined;
  const values: string[] = [];
  for (const n of nodes) {
    if (n.kind === 'number') values.push(String(n.value));
    else {
      const shape = patternShape(n.pattern);
      if (!n.cased || shape.kind !== 'exact' || CONTROL.test(shape.text)) return undefined;
      values.push(aqlString(shape.text));
    }
  }
  return `${f} IN (${values.join(', ')})`;
}

const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The AQL dialect. */
export const AQL = {
  name: 'aql',
  title: 'IBM QRadar AQL',
  highlight: 'sql',
  pipelines: { default: ['qradar'], available: ['qradar'] },
  and: ' AND ',
  or: ' OR ',
  not: (inner) => `NOT (${inner})`,
  group: (inner) => `(${inner})`,
  constant: (value) => (value ? '1 = 1' : '1 = 0'),
  leaves: {
    string: stringMatch,
    number: numberMatch,
    boolean: (n) => {
      const f = aqlField(n.field);
      return typeof f === 'string' ? `${f} ILIKE ${aqlString(String(n.value))}` : f;
    },
    null: (n) => {
      const f = aqlField(n.field);
      return typeof f === 'string' ? `${f} IS NULL` : f;
    },
    exists: (n) => {
      const f = aqlField(n.field);
      return typeof f === 'string' ? `${f} IS ${n.exists ? 'NOT NULL' : 'NULL'}` : f;
    },
    regex: regexMatch,
    cidr: (n) => {
      if (n.network.includes(':')) return unsupported('IPv6 CIDR networks (INCIDR takes IPv4 networks)');
      const f = aqlField(n.field);
      return typeof f === 'string' ? `INCIDR(${aqlString(n.network)}, ${f})` : f;
    },
    compare: (n) => {
      const f = aqlField(n.field);
      return typeof f === 'string' ? `${f} ${OPS[n.op]} ${n.value}` : f;
    },
    datepart: () => unsupported('date-part modifiers (minute, hour, ...) have no AQL filter form'),
    fieldref: (n) => {
      if (n.position !== 'equals') return unsupported(`fieldref with ${n.position} has no AQL form`);
      const [a, b] = [aqlField(n.field), aqlField(n.other)];
      if (typeof a !== 'string') return a;
      if (typeof b !== 'string') return b;
      return n.cased ? `${a} = ${b}` : `LOWER(${a}) = LOWER(${b})`;
    },
  },
  orSameField,
  query: (condition, scope, _rule, ctx) => {
    if (!scope.condition) ctx.warn('no QRadar log source type for this log source: the query reads every event');
    const where = scope.condition ? `${scope.condition} AND (${condition})` : condition;
    return `SELECT * FROM events WHERE ${where} LAST 24 HOURS`;
  },
  correlation: aqlCorrelation,
} satisfies Dialect;
