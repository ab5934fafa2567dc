/**
 * The reference matcher the SQL targets are tested against: a direct recursive evaluation of the IR
 * with the semantics docs/targets/sql.md promises (Sigma's, over the text form of each value: list
 * elements each, keywords over every string leaf). Kept small
 * and obvious on purpose; it shares no code with the SQL emitters.
 */
import type { RE2JS } from 're2js';
import { fieldText, hasColumn } from '../../src/backends/sql-schema.js';
import { isWildcard, MANY } from '../../src/ir/pattern.js';
import type { DetectionRule, Expr, Pattern } from '../../src/ir/types.js';
import { compileRe2, parseIpv4, parseIpv6 } from '../../src/ir/validate.js';
import type { FieldValue, LogEvent } from '../../src/sources/event.js';

const NUMBER = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/;

function toNum(v: string | null): number | undefined {
  const m = v === null ? null : NUMBER.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** Glob match by code points: `*` any run, `?` one character. */
function glob(p: Pattern, s: string, fold: boolean): boolean {
  const f = (t: string) => (fold ? t.toLowerCase() : t);
  const toks: (string | 'many' | 'one')[] = [];
  for (const part of p) {
    if (typeof part === 'string') toks.push(...Array.from(f(part)));
    else if (isWildcard(part)) toks.push(part.wildcard);
  }
  const chars = Array.from(f(s));
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === toks.length) r = j === chars.length;
    else if (toks[i] === 'many') r = go(i + 1, j) || (j < chars.length && go(i, j + 1));
    else if (j === chars.length) r = false;
    else r = (toks[i] === 'one' || toks[i] === chars[j]) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

function inCidr(v: string, network: string): boolean {
  const [addr, bits] = network.split('/');
  if (addr.includes(':')) {
    const ip = parseIpv6(v.trim());
    const net = parseIpv6(addr) ?? [];
    if (!ip) return false;
    let left = bits === undefined ? 128 : Number(bits);
    for (let g = 0; g < 8 && left > 0; g++, left -= 16) {
      const m = left >= 16 ? 0xffff : (0xffff << (16 - left)) & 0xffff;
      if ((ip[g] & m) !== (net[g] & m)) return false;
    }
    return true;
  }
  const t = v.trim();
  const ip = parseIpv4(t) ?? (/^::ffff:/i.test(t) ? parseIpv4(t.slice(7)) : undefined);
  const n = bits === undefined ? 32 : Number(bits);
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return ip !== undefined && (ip & mask) >>> 0 === ((parseIpv4(addr) ?? 0) & mask) >>> 0;
}

const CMP = {
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  eq: (a: number, b: number) => a === b,
};

/** The stored form of a top-level field value (eventsToRows keeps scalars as text, lists and objects as JSON). */
function stored(v: FieldValue): FieldValue {
  return v === null || typeof v === 'object' ? v : String(v);
}

/**
 * The values a field test sees: a typed column holds one text; a `fields` value is its scalar, or each scalar
 * element of a list (numbers and booleans as text); an object or null holds none.
 */
function fieldValues(ev: LogEvent, field: string): string[] {
  if (hasColumn(field)) return [fieldText(ev.fields[field])].filter((x): x is string => x !== null);
  return jsonValues(ev.fields[field]);
}

/** The scalar values of one `fields` JSON value: itself, or each scalar element of a list. */
function jsonValues(v: FieldValue | undefined): string[] {
  const scalar = (x: FieldValue) => x !== null && typeof x !== 'object';
  if (Array.isArray(v)) return v.filter(scalar).map(String);
  return v !== undefined && scalar(v) ? [String(v)] : [];
}

/** The string leaves a keyword searches: every string of the stored event, at any depth. */
function leafStrings(ev: LogEvent): string[] {
  const out: string[] = [];
  const walk = (v: FieldValue): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  for (const v of Object.values(ev.fields)) walk(stored(v));
  return out;
}

/** True when the IR expression holds for the event. */
export function evaluate(e: Expr, ev: LogEvent): boolean {
  const get = (f: string) => fieldText(ev.fields[f]);
  const onValues = (field: string | null, test: (v: string) => boolean, numbers = false) =>
    (field !== null
      ? fieldValues(ev, field)
      : numbers
        ? Object.values(ev.fields).flatMap((v) => jsonValues(stored(v)))
        : leafStrings(ev)
    ).some(test);
  switch (e.kind) {
    case 'and':
      return e.children.every((c) => evaluate(c, ev));
    case 'or':
      return e.children.some((c) => evaluate(c, ev));
    case 'not':
      return !evaluate(e.child, ev);
    case 'const':
      return e.value;
    case 'string':
      // A keyword is a substring search.
      return onValues(e.field, (v) => glob(e.field === null ? [MANY, ...e.pattern, MANY] : e.pattern, v, !e.cased));
    case 'number':
      return onValues(e.field, (v) => toNum(v) === e.value, true);
    case 'boolean':
      return onValues(e.field, (v) => v.trim().toLowerCase() === String(e.value));
    case 'null':
      return get(e.field) === null;
    case 'exists':
      return (get(e.field) !== null) === e.exists;
    case 'regex': {
      const re: RE2JS = compileRe2(e.regex, e.flags);
      return onValues(e.field, (v) => re.matcher(v).find());
    }
    case 'cidr':
      return onValues(e.field, (v) => inCidr(v, e.network));
    case 'compare':
      return onValues(e.field, (v) => {
        const n = toNum(v);
        return n !== undefined && CMP[e.op](n, e.value);
      });
    case 'datepart':
      throw new Error('datepart is tested with its own table');
    case 'fieldref': {
      // Some value of the field against some value of the other (lists element-wise).
      const fold = (x: string) => (e.cased ? x : x.toLowerCase());
      const test = (a: string, b: string) => {
        if (e.position === 'equals') return a === b;
        if (e.position === 'startswith') return a.startsWith(b);
        if (e.position === 'endswith') return a.endsWith(b);
        return a.includes(b);
      };
      const others = fieldValues(ev, e.other).map(fold);
      return fieldValues(ev, e.field).some((a) => others.some((b) => test(fold(a), b)));
    }
  }
}

/** True when the event is in the rule's log source and the rule matches it. */
export function ruleMatches(rule: DetectionRule, ev: LogEvent): boolean {
  for (const k of ['product', 'category', 'service'] as const) {
    const want = rule.logsource[k];
    if (want !== undefined && ev.logsource[k]?.toLowerCase() !== want.toLowerCase()) return false;
  }
  return evaluate(rule.expr, ev);
}
