/**
 * Pieces the Elastic dialects (EQL, ES|QL, Lucene) share: which fields are keyword-typed in the Windows
 * templates, CIDR blocks as keyword prefixes, and double-quoted strings.
 */
import { MANY, pattern } from '../ir/pattern.js';
import type { Pattern } from '../ir/types.js';

/**
 * Fields the Winlogbeat / Elastic Agent templates map as `keyword` although Sigma rules compare them with
 * numbers or CIDR blocks: `event.code` and everything under `winlog.`
 * (https://www.elastic.co/guide/en/beats/winlogbeat/current/exported-fields-winlog.html).
 */
export function isKeywordField(field: string): boolean {
  return field === 'event.code' || field.startsWith('winlog.');
}

/** An octet-aligned IPv4 CIDR block as a prefix pattern (`10.0.0.0/8` -> `10.*`) for keyword fields. */
export function cidrPrefixPattern(network: string): Pattern | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(network);
  if (!m) return undefined;
  const bits = Number(m[5]);
  if (bits % 8 !== 0) return undefined;
  const octets = m.slice(1, 1 + bits / 8);
  if (bits === 32) return pattern([octets.join('.')]);
  return pattern(octets.length ? [`${octets.join('.')}.`, MANY] : [MANY]);
}

/** A double-quoted string with `\\ \" \n \r \t` escapes (EQL and ES|QL literals). */
export function quoteElastic(text: string, unicodeEscape: (code: number) => string): string {
  // Backslashes and quotes (every Windows path has them) by plain replacement; control characters, rare,
  // one by one.
  const body = text.replace(/[\\"]/g, '\\$&');
  if (!CONTROL_CHAR.test(body)) return `"${body}"`;
  return `"${body.replace(CONTROL_CHARS, (c) => CONTROL_ESCAPES[c] ?? unicodeEscape(c.charCodeAt(0)))}"`;
}

const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A field name as an EQL / ES|QL identifier: plain dotted names bare, others in backticks. */
export function elasticField(field: string): string {
  return /^[A-Za-z_@][\w.@]*$/.test(field) ? field : `\`${field.replace(/`/g, '``')}\``;
}
