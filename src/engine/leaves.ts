/**
 * Compilers for the leaf node kinds that are not plain string patterns: numbers, booleans, null, exists,
 * regex (RE2, linear time), CIDR, comparisons, date parts and field references. Each returns a closure
 * over pre-lowered, pre-parsed literals.
 */

import { positionPattern } from '../ir/pattern.js';
import type {
  CidrMatch,
  CompareMatch,
  DatePartMatch,
  FieldRefMatch,
  NumberMatch,
  RegexMatch,
  StringMatch,
} from '../ir/types.js';
import { compileRe2, parseIpv4, parseIpv6 } from '../ir/validate.js';
import { compilePattern, type StringTest } from './strings.js';
import { type EventView, someScalar, toNumber } from './view.js';

/** A compiled test over one event. */
export type Predicate = (view: EventView) => boolean;

/**
 * String pattern on a field (any element of a list) or, with no field, a keyword: the pattern is searched
 * anywhere inside any string value of the event (full-text semantics, as in the Sigma spec's keyword search).
 */
export function compileString(node: StringMatch): Predicate {
  const field = node.field;
  const test = compilePattern(field === null ? positionPattern(node.pattern, 'contains') : node.pattern, !node.cased);
  if (field === null) return node.cased ? (v) => some(v.allStrings(), test) : (v) => some(v.allLower(), test);
  if (node.cased) return (v) => some(v.strings(field), test);
  return (v) => {
    const t = v.lowerText(field);
    return t !== undefined ? test(t) : some(v.lower(field), test);
  };
}

function some(values: readonly string[], test: StringTest): boolean {
  for (let i = 0; i < values.length; i++) if (test(values[i])) return true;
  return false;
}

/** Number equality: numeric values and decimal strings; a keyword number checks every field. */
export function compileNumber(node: NumberMatch): Predicate {
  const want = node.value;
  const eq = (x: string | number | boolean): boolean => toNumber(x) === want;
  const field = node.field;
  if (field === null)
    return (v) => {
      const fields = v.event.fields;
      for (const k in fields) if (someScalar(fields[k], eq)) return true;
      return false;
    };
  return (v) => someScalar(v.raw(field), eq);
}

/** Boolean equality: JSON booleans and the strings `true`/`false` (any case). */
export function compileBoolean(field: string, want: boolean): Predicate {
  const text = String(want);
  return (v) =>
    someScalar(v.raw(field), (x) => x === want || (typeof x === 'string' && x.trim().toLowerCase() === text));
}

/** Absent or null. */
export function compileNull(field: string): Predicate {
  return (v) => {
    const x = v.raw(field);
    return x === undefined || x === null;
  };
}

/** Present (neither absent nor null) or, with `exists: false`, the opposite. */
export function compileExists(field: string, exists: boolean): Predicate {
  return (v) => {
    const x = v.raw(field);
    return (x !== undefined && x !== null) === exists;
  };
}

/** Regex search with RE2 (linear time); throws at compile time when RE2 rejects the pattern. */
export function compileRegex(node: RegexMatch): Predicate {
  const re = compileRe2(node.regex, node.flags);
  const test = (s: string): boolean => re.test(s);
  const field = node.field;
  if (field === null) return (v) => some(v.allStrings(), test);
  return (v) => some(v.strings(field), test);
}

/** IPv4 or IPv6 address inside a network; masks are computed once. */
export function compileCidr(node: CidrMatch): Predicate {
  return compileCidrList(node.field, [node.network]);
}

/**
 * An address inside any of several networks (the `or` of one CIDR test per network): each value is parsed
 * once, as IPv4 (also `::ffff:a.b.c.d`) for the IPv4 networks and, only when it has a `:`, as IPv6.
 */
export function compileCidrList(field: string, networks: readonly string[]): Predicate {
  const v4: { mask: number; net: number }[] = [];
  const v6: { net: readonly number[]; bits: number }[] = [];
  for (const network of networks) {
    const [addr, bitsText] = network.split('/');
    if (addr.includes(':')) {
      v6.push({ net: parseIpv6(addr) ?? [], bits: bitsText === undefined ? 128 : Number(bitsText) });
      continue;
    }
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    v4.push({ mask, net: ((parseIpv4(addr) ?? 0) & mask) >>> 0 });
  }
  const inNet = (x: string): boolean => {
    if (v4.length > 0) {
      const ip = fastIpv4(x) ?? mappedV4(x);
      if (ip !== undefined) for (const n of v4) if ((ip & n.mask) >>> 0 === n.net) return true;
    }
    // Text without a colon is never an IPv6 address.
    if (v6.length > 0 && x.includes(':')) {
      const ip = parseIpv6(stripZone(x));
      if (ip !== undefined) for (const n of v6) if (prefixEqual(ip, n.net, n.bits)) return true;
    }
    return false;
  };
  return (v) => some(v.strings(field), inNet);
}

/** Dotted-quad IPv4 to a 32-bit number without allocating (the hot path of CIDR rules), else undefined. */
function fastIpv4(x: string): number | undefined {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  const s = x.length > 0 && (x.charCodeAt(0) <= 32 || x.charCodeAt(x.length - 1) <= 32) ? x.trim() : x;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46 && digits > 0 && dots < 3) {
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return undefined;
  }
  return dots === 3 && digits > 0 ? n * 256 + part : undefined;
}

function stripZone(x: string): string {
  const t = x.trim().replace(/^\[|\]$/g, '');
  const pct = t.indexOf('%');
  return pct < 0 ? t : t.slice(0, pct);
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`). */
function mappedV4(x: string): number | undefined {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(x.trim());
  return m ? parseIpv4(m[1]) : undefined;
}

function prefixEqual(a: readonly number[], b: readonly number[], bits: number): boolean {
  for (let g = 0; g < 8 && bits > 0; g++, bits -= 16) {
    const m = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((a[g] & m) !== (b[g] & m)) return false;
  }
  return true;
}

const OPS = {
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  eq: (a: number, b: number) => a === b,
} as const;

/** Numeric comparison of a number or decimal-string value. */
export function compileCompare(node: CompareMatch): Predicate {
  const op = OPS[node.op];
  const want = node.value;
  const field = node.field;
  return (v) =>
    someScalar(v.raw(field), (x) => {
      const n = toNumber(x);
      return n !== undefined && op(n, want);
    });
}

/** A UTC date part of a timestamp value (epoch milliseconds or ISO 8601 text) compared with a number. */
export function compileDatePart(node: DatePartMatch): Predicate {
  const op = OPS[node.op];
  const want = node.value;
  const field = node.field;
  const part = DATE_PARTS[node.part];
  return (v) =>
    someScalar(v.raw(field), (x) => {
      const ms = typeof x === 'number' ? x : typeof x === 'string' ? Date.parse(x) : Number.NaN;
      return Number.isFinite(ms) && op(part(new Date(ms)), want);
    });
}

const DATE_PARTS: Record<DatePartMatch['part'], (d: Date) => number> = {
  minute: (d) => d.getUTCMinutes(),
  hour: (d) => d.getUTCHours(),
  day: (d) => d.getUTCDate(),
  week: isoWeek,
  month: (d) => d.getUTCMonth() + 1,
  year: (d) => d.getUTCFullYear(),
};

/** ISO 8601 week number (weeks start on Monday; week 1 holds the first Thursday). */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** Field compared with another field of the same event; any pair of list elements may match. */
export function compileFieldRef(node: FieldRefMatch): Predicate {
  const { field, other, position, cased } = node;
  const rel = FIELDREF[position];
  return (v) => {
    const a = cased ? v.strings(field) : v.lower(field);
    const b = cased ? v.strings(other) : v.lower(other);
    for (const x of a) for (const y of b) if (rel(x, y)) return true;
    return false;
  };
}

const FIELDREF: Record<FieldRefMatch['position'], (a: string, b: string) => boolean> = {
  equals: (a, b) => a === b,
  startswith: (a, b) => a.startsWith(b),
  endswith: (a, b) => a.endsWith(b),
  contains: (a, b) => a.includes(b),
};
