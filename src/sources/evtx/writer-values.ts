/** Writer side of values: picks a BinXML type for each JSON leaf and encodes it, so reading gives it back. */

import { formatFiletime, formatGuid, formatSid, SCRATCH_BYTES } from './text.js';
import type { EvtxValue } from './types.js';
import { ValueType } from './values.js';

/** A leaf ready for the substitution array: its type code and bytes. */
export interface EncodedValue {
  readonly type: number;
  readonly bytes: Uint8Array;
}

const EPOCH_DELTA_MS = 11_644_473_600_000n;
const UINT8_FIELDS = new Set(['Version', 'Level', 'Opcode']);
const UINT16_FIELDS = new Set(['EventID', 'Task', 'Qualifiers']);
const GUID_RE = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;
const SID_RE = /^S-1-\d{1,15}(-\d{1,10}){0,15}$/;
const TIME_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;
const BINARY_RE = /^(?:[0-9A-F]{2})+$/;
const HEX_RE = /^0x(0|[1-9a-f][0-9a-f]{0,15})$/;

function fixed(type: number, size: number, fill: (view: DataView) => void): EncodedValue {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return { type, bytes };
}

/** UTF-16LE bytes of a string (no terminator). */
export function utf16Bytes(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf16le'));
}

/** Encodes a JSON leaf; `field` is the element or attribute name, used for the System fields' Windows types. */
export function encodeValue(field: string, value: EvtxValue): EncodedValue {
  if (value === null) return { type: ValueType.Null, bytes: new Uint8Array(0) };
  if (typeof value === 'boolean') return fixed(ValueType.Bool, 4, (v) => v.setUint32(0, value ? 1 : 0, true));
  if (typeof value === 'number') return encodeNumber(field, value);
  if (typeof value === 'string') return encodeString(value);
  if (Array.isArray(value)) return encodeArray(value);
  return encodeString(JSON.stringify(value));
}

/** Arrays of strings, integers, numbers or booleans become the matching array type (0x80 flag). */
function encodeArray(items: EvtxValue[]): EncodedValue {
  const array = ValueType.Array;
  if (items.every((v) => typeof v === 'string')) {
    return { type: ValueType.String | array, bytes: utf16Bytes(items.map((v) => `${v}\0`).join('')) };
  }
  const each = (type: number, width: number, put: (v: DataView, at: number, x: EvtxValue) => void) =>
    fixed(type | array, width * items.length, (v) => {
      items.forEach((x, i) => {
        put(v, i * width, x);
      });
    });
  if (items.every((v) => typeof v === 'boolean'))
    return each(ValueType.Bool, 4, (v, at, x) => v.setUint32(at, x ? 1 : 0, true));
  if (items.every((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff)) {
    return each(ValueType.UInt32, 4, (v, at, x) => v.setUint32(at, x as number, true));
  }
  if (items.every((v) => Number.isSafeInteger(v))) {
    return each(ValueType.Int64, 8, (v, at, x) => v.setBigInt64(at, BigInt(x as number), true));
  }
  if (items.every((v) => typeof v === 'number'))
    return each(ValueType.Real64, 8, (v, at, x) => v.setFloat64(at, x as number, true));
  return encodeString(JSON.stringify(items));
}

function encodeNumber(field: string, n: number): EncodedValue {
  if (!Number.isInteger(n)) return fixed(ValueType.Real64, 8, (v) => v.setFloat64(0, n, true));
  if (n >= 0 && n <= 0xff && UINT8_FIELDS.has(field)) return fixed(ValueType.UInt8, 1, (v) => v.setUint8(0, n));
  if (n >= 0 && n <= 0xffff && UINT16_FIELDS.has(field))
    return fixed(ValueType.UInt16, 2, (v) => v.setUint16(0, n, true));
  if (n >= 0 && n <= 0xffffffff) return fixed(ValueType.UInt32, 4, (v) => v.setUint32(0, n, true));
  if (n < 0 && n >= -0x80000000) return fixed(ValueType.Int32, 4, (v) => v.setInt32(0, n, true));
  if (Number.isSafeInteger(n)) return fixed(ValueType.Int64, 8, (v) => v.setBigInt64(0, BigInt(n), true));
  return fixed(ValueType.Real64, 8, (v) => v.setFloat64(0, n, true));
}

/** Strings that are exactly how a GUID, SID, FILETIME or hex integer renders are stored typed, like Windows does. */
function encodeString(s: string): EncodedValue {
  if (GUID_RE.test(s))
    return roundTrip(s, encodeGuid(s), (b, v) => formatGuid(b, 0, Buffer.alloc(SCRATCH_BYTES)) === s || v === null);
  if (SID_RE.test(s)) {
    const sid = encodeSid(s);
    if (sid) return roundTrip(s, sid, (b, v) => formatSid(b, v, 0) === s);
  }
  if (TIME_RE.test(s)) {
    const ticks = isoToFiletime(s);
    if (ticks !== null) {
      const ft = fixed(ValueType.FileTime, 8, (v) => v.setBigUint64(0, ticks, true));
      return roundTrip(s, ft, (_, v) => formatFiletime(v, 0, Buffer.alloc(SCRATCH_BYTES)) === s);
    }
  }
  if (s.length >= 32 && BINARY_RE.test(s))
    return { type: ValueType.Binary, bytes: new Uint8Array(Buffer.from(s, 'hex')) };
  if (HEX_RE.test(s)) return fixed(ValueType.HexInt64, 8, (v) => v.setBigUint64(0, BigInt(s), true));
  return { type: ValueType.String, bytes: utf16Bytes(s) };
}

/** Keeps the typed encoding only when decoding it gives back the exact string. */
function roundTrip(s: string, enc: EncodedValue, same: (b: Uint8Array, v: DataView) => boolean): EncodedValue {
  const view = new DataView(enc.bytes.buffer, enc.bytes.byteOffset, enc.bytes.byteLength);
  return same(enc.bytes, view) ? enc : { type: ValueType.String, bytes: utf16Bytes(s) };
}

function encodeGuid(s: string): EncodedValue {
  const h = s.slice(1, -1).replaceAll('-', '');
  return fixed(ValueType.Guid, 16, (v) => {
    v.setUint32(0, Number.parseInt(h.slice(0, 8), 16), true);
    v.setUint16(4, Number.parseInt(h.slice(8, 12), 16), true);
    v.setUint16(6, Number.parseInt(h.slice(12, 16), 16), true);
    for (let i = 0; i < 8; i++) v.setUint8(8 + i, Number.parseInt(h.slice(16 + i * 2, 18 + i * 2), 16));
  });
}

function encodeSid(s: string): EncodedValue | null {
  const [, rev, auth, ...subs] = s.split('-');
  const authority = Number(auth);
  if (authority >= 2 ** 48 || subs.some((x) => Number(x) > 0xffffffff)) return null;
  return fixed(ValueType.Sid, 8 + 4 * subs.length, (v) => {
    v.setUint8(0, Number(rev));
    v.setUint8(1, subs.length);
    v.setUint16(2, Math.floor(authority / 2 ** 32));
    v.setUint32(4, authority % 2 ** 32);
    subs.forEach((x, i) => {
      v.setUint32(8 + i * 4, Number(x), true);
    });
  });
}

/** FILETIME ticks of an ISO UTC time (fraction of 0-9 digits), or null when it is not one. */
export function isoToFiletime(iso: string): bigint | null {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(iso);
  const ms = m ? Date.parse(`${m[1]}Z`) : Number.NaN;
  if (!m || Number.isNaN(ms) || ms < -11_644_473_600_000) return null;
  return (BigInt(ms) + EPOCH_DELTA_MS) * 10_000n + BigInt((m[2] ?? '').padEnd(7, '0').slice(0, 7));
}

/** FILETIME ticks of a millisecond epoch time (negative times clamp to the FILETIME epoch). */
export function msToFiletime(ms: number): bigint {
  return (BigInt(Math.max(Math.round(ms), -11_644_473_600_000)) + EPOCH_DELTA_MS) * 10_000n;
}
