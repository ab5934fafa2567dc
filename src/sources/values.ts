/** Small value helpers shared by the readers: JSON-ish values to FieldValue, flattening, timestamps. */
import type { EventLogsource, EventOrigin, FieldValue, LogEvent } from './event.js';

/** What a record mapper returns: an event, or the reason the record was skipped. */
export type Mapped = LogEvent | { readonly skip: string };

/** A plain JSON object as readers see it before mapping. */
export type JsonObject = { readonly [k: string]: unknown };

/** True when the mapper result is a skip. */
export function isSkip(m: Mapped): m is { readonly skip: string } {
  return 'skip' in m;
}

/** True for plain (non-array, non-null) objects. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Converts any parsed JSON value to a FieldValue (undefined and functions become null). */
export function toFieldValue(v: unknown): FieldValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(toFieldValue);
  if (isObject(v)) {
    const out: Record<string, FieldValue> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toFieldValue(x);
    return out;
  }
  return null;
}

/** Flattens nested objects into `out` with dotted keys (`process.parent.executable`); arrays stay values. */
export function flattenDotted(v: JsonObject, out: Record<string, FieldValue>, prefix = ''): Record<string, FieldValue> {
  for (const [k, x] of Object.entries(v)) {
    const key = prefix === '' ? k : `${prefix}.${k}`;
    if (isObject(x)) flattenDotted(x, out, key);
    else out[key] = toFieldValue(x);
  }
  return out;
}

/** Reads `a.b.c` from a record holding either nested objects or literal dotted keys (CSV headers). */
export function pick(rec: JsonObject, path: string): unknown {
  if (path in rec) return rec[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  // Try every split point so `winlog.event_data` works for {winlog: {event_data}} and {'winlog.event_data': ...}.
  for (let i = dot; i >= 0; i = path.indexOf('.', i + 1)) {
    const head = rec[path.slice(0, i)];
    if (isObject(head)) {
      const found = pick(head, path.slice(i + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A non-empty string form of a scalar, or undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A number from a number or a decimal/`0x` hex string, else undefined. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^0x[0-9a-f]+$/i.test(s)) return Number.parseInt(s.slice(2), 16);
  return undefined;
}

const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Milliseconds since the epoch from ISO text (zone-less text is UTC, as Sysmon UtcTime) or epoch s/ms. */
export function parseTimestamp(v: unknown): number | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) return undefined;
    return v < 1e11 ? Math.round(v * 1000) : Math.round(v);
  }
  if (typeof v !== 'string') return undefined;
  // ISO text with a zone designator `Z` (evtx_dump's SystemTime): nothing to trim or rewrite.
  if (v.length > 10 && v.charCodeAt(v.length - 1) === 90 && isDigit(v.charCodeAt(0)) && v.charCodeAt(10) === 84) {
    const fast = utcMillis(v);
    if (fast !== undefined) return fast;
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (v.trim() === '') return undefined;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return parseTimestamp(Number(s));
  const iso = ZONELESS.test(s) ? `${s.replace(' ', 'T')}Z` : s;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Joins `DOMAIN\user` the way Sysmon writes User, tolerating a missing or '-' domain. */
export function domainUser(domain: unknown, user: unknown): string | undefined {
  const u = text(user);
  if (u === undefined || u === '-') return undefined;
  const d = text(domain);
  return d === undefined || d === '-' ? u : `${d}\\${u}`;
}

/** Builds an event, leaving out absent optional parts so events compare cleanly in tests. */
export function makeEvent(
  fields: Record<string, FieldValue>,
  logsource: EventLogsource,
  origin: EventOrigin,
  timestamp?: number,
  host?: string,
): LogEvent {
  const ls: { product?: string; category?: string; service?: string } = {};
  if (logsource.product) ls.product = logsource.product;
  if (logsource.category) ls.category = logsource.category;
  if (logsource.service) ls.service = logsource.service;
  const ev: { -readonly [K in keyof LogEvent]: LogEvent[K] } = { fields, logsource: ls, origin };
  if (timestamp !== undefined) ev.timestamp = timestamp;
  if (host !== undefined) ev.host = host;
  return ev;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.fraction]Z` read by hand, exactly as Date.parse reads it (fraction truncated to
 * milliseconds), for the unambiguous cases: days up to 28, hours up to 23. Anything else is undefined and
 * left to Date.parse. Every Windows event carries such a time, so this is on the hot path.
 */
export function utcMillis(v: string): number | undefined {
  const n = v.length;
  if (n < 20 || n === 21 || v[n - 1] !== 'Z' || v[10] !== 'T') return undefined;
  if (v[4] !== '-' || v[7] !== '-' || v[13] !== ':' || v[16] !== ':') return undefined;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  const hour = digits(v, 11, 2);
  const minute = digits(v, 14, 2);
  const second = digits(v, 17, 2);
  // Date.UTC reads years 0-99 as 1900-1999.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  let ms = 0;
  if (n > 20) {
    if (v[19] !== '.' || digits(v, 20, n - 21) < 0) return undefined;
    ms = digits(`${v.slice(20, Math.min(23, n - 1))}00`, 0, 3);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** The decimal number of `count` digits at `at`, or -1 when any is not a digit. */
function digits(v: string, at: number, count: number): number {
  let x = 0;
  for (let i = at; i < at + count; i++) {
    const c = v.charCodeAt(i);
    if (!isDigit(c)) return -1;
    x = x * 10 + (c - 48);
  }
  return x;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
