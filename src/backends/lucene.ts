/**
 * Elasticsearch query string / Kibana Lucene (https://www.elastic.co/guide/en/elasticsearch/reference/current/query-dsl-query-string-query.html).
 * Assumes ECS `keyword`/`wildcard` fields, which compare case-sensitively: a case-insensitive Sigma value that
 * holds letters becomes a case-folded regex (`/.*\\[pP][sS]\.exe/`), exact and letter-free values stay terms.
 * Reserved characters are backslash-escaped; `<` and `>` cannot be escaped in terms, so such values go
 * through a quoted phrase or a regex. Keywords search the default fields (analysed, so case-insensitive).
 */
import { isWildcard, patternShape } from '../ir/pattern.js';
import type { Pattern, StringMatch } from '../ir/types.js';
import { unsupported } from './emit.js';
import { cidrPrefixPattern, isKeywordField } from './eql-shared.js';
import { patternLuceneRegex, sigmaToLuceneRegex } from './lucene-regex.js';
import type { Dialect, Emitted } from './types.js';

/** Escapes a term: every query-string operator character and whitespace. */
export function luceneEscape(text: string): string {
  return text.replace(/[+\-=&|!(){}[\]^"~*?:\\/\s]/g, '\\$&');
}

/** A quoted phrase (only `"` and `\` are special inside). */
export function lucenePhrase(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** A field name with reserved characters escaped (`winlog.event_data.c\-uri`). */
export function luceneField(field: string): string {
  return field.replace(/[+\-=&|!(){}[\]^"~*?:\\/\s<>]/g, '\\$&');
}

/** A regex literal: the converter already escapes `/`. */
const regexLiteral = (re: string) => `/${re}/`;

/** A wildcard term (`*` and `?` live, everything else escaped), or undefined when `<`/`>` forbid it. */
function wildcardTerm(p: Pattern): string | undefined {
  if (p.some((x) => typeof x === 'string' && /[<>]/.test(x))) return undefined;
  return p
    .map((x) => (typeof x === 'string' ? luceneEscape(x) : isWildcard(x) && x.wildcard === 'one' ? '?' : '*'))
    .join('');
}

/** True when a literal part has a character with case (ASCII text, the usual, is tested by a regex). */
const hasLetters = (p: Pattern) => p.some((x) => typeof x === 'string' && hasCase(x));
const hasCase = (s: string) => (NON_ASCII.test(s) ? s.toLowerCase() !== s.toUpperCase() : ASCII_LETTER.test(s));
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_LETTER = /[A-Za-z]/;

/** The value part of `field:value` for a string match. */
function value(n: StringMatch): string {
  const shape = patternShape(n.pattern);
  // Keywords hit analysed full-text fields, whose analyser already lower-cases.
  const fold = !n.cased && n.field !== null && hasLetters(n.pattern);
  if (fold) return regexLiteral(patternLuceneRegex(n.pattern, true));
  if (shape.kind === 'exact') return lucenePhrase(shape.text);
  return wildcardTerm(n.pattern) ?? regexLiteral(patternLuceneRegex(n.pattern, false));
}

function stringMatch(n: StringMatch): Emitted {
  return n.field === null ? value(n) : `${luceneField(n.field)}:${value(n)}`;
}

function range(field: string, op: 'gt' | 'gte' | 'lt' | 'lte', v: number): string {
  if (v >= 0) return `${luceneField(field)}:${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[op]}${v}`;
  const open = op === 'gt' || op === 'lt' ? ['{', '}'] : ['[', ']'];
  const body = op === 'gt' || op === 'gte' ? `${v} TO *` : `* TO ${v}`;
  return `${luceneField(field)}:${open[0]}${body}${open[1]}`;
}

/** Elasticsearch query string (Kibana Lucene) over ECS keyword fields. */
export const lucene = {
  name: 'lucene',
  title: 'Elasticsearch Lucene query string',
  highlight: 'lucene',
  pipelines: { default: ['ecs'], available: ['ecs', 'sysmon-winlogbeat'] },
  and: ' AND ',
  or: ' OR ',
  not: (inner) => `NOT ${inner}`,
  group: (inner) => `(${inner})`,
  constant: (v) => (v ? '*:*' : 'NOT *:*'),
  leaves: {
    string: stringMatch,
    number: (n) =>
      n.field === null ? luceneEscape(String(n.value)) : `${luceneField(n.field)}:${luceneEscape(String(n.value))}`,
    boolean: (n) => `${luceneField(n.field)}:${n.value}`,
    // Parenthesised: `AND NOT _exists_:f` is a different parse from `AND (NOT _exists_:f)` in some readers.
    null: (n) => `(NOT _exists_:${luceneField(n.field)})`,
    exists: (n) => (n.exists ? `_exists_:${luceneField(n.field)}` : `(NOT _exists_:${luceneField(n.field)})`),
    regex: (n) => {
      const re = sigmaToLuceneRegex(n.regex, n.flags, n.field !== null);
      if (typeof re !== 'string') return re;
      return n.field === null ? regexLiteral(re) : `${luceneField(n.field)}:${regexLiteral(re)}`;
    },
    cidr: (n) => {
      if (!isKeywordField(n.field)) return `${luceneField(n.field)}:${lucenePhrase(n.network)}`;
      const p = cidrPrefixPattern(n.network);
      if (!p) return unsupported(`CIDR ${n.network} on keyword field ${n.field}: only /8, /16, /24 IPv4 blocks`);
      return `${luceneField(n.field)}:${wildcardTerm(p)}`;
    },
    compare: (n) => range(n.field, n.op, n.value),
    datepart: () => unsupported('date-part comparisons: the query string has no date functions'),
    fieldref: () => unsupported('field references: a query string cannot compare two fields'),
  },
  orSameField: (field, nodes) => {
    const values: string[] = [];
    for (const n of nodes) {
      if (n.kind === 'number') values.push(luceneEscape(String(n.value)));
      else if (!n.cased && hasLetters(n.pattern)) return undefined;
      else values.push(value(n));
    }
    return `${luceneField(field)}:(${values.join(' OR ')})`;
  },
  query: (condition, scope, rule) => {
    const category = scope.table ? `event.category:${luceneEscape(scope.table)}` : undefined;
    const parts = [category, scope.condition].filter((x): x is string => !!x);
    if (!parts.length) return condition;
    const cond = rule.expr.kind === 'or' || rule.expr.kind === 'and' ? `(${condition})` : condition;
    return [...parts, cond].join(' AND ');
  },
} satisfies Dialect;
