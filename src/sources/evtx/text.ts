/** Low-level decoding of EVTX text and time fields: UTF-16LE, GUIDs, SIDs, FILETIME and SYSTEMTIME. */

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());
const HEX_UPPER = Buffer.from('0123456789ABCDEF', 'latin1');
const HEX_LOWER = Buffer.from('0123456789abcdef', 'latin1');
/** Byte order of a GUID's text: three little-endian groups, then bytes as stored; -1 is a dash. */
const GUID_ORDER: readonly number[] = [3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15];

/**
 * Bytes of the scratch buffer the formatters below build their text in (the longest is a 38-character GUID).
 * Text written byte by byte and read back once is one flat string; a template literal of many parts makes a
 * chain of rope pieces first, which the hunt then flattens (most of a record's allocation was these pieces).
 */
export const SCRATCH_BYTES = 40;
const TICKS_PER_SECOND = 10_000_000;
/** Seconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DELTA_SECONDS = 11_644_473_600;
const TWO_32 = 4_294_967_296;

/**
 * Node's native decoders, where `buf.toString('utf16le' | 'latin1', ...)` ends up. Called directly they skip
 * toString's argument checks and encoding lookup, which cost as much as the decoding itself for the short
 * strings of event records. Undocumented, hence the fallback to toString when a Node version lacks them.
 */
type Slice = (this: Buffer, start: number, end: number) => string;
const NATIVE = Buffer.prototype as { ucs2Slice?: Slice; latin1Slice?: Slice };
const UCS2_SLICE = NATIVE.ucs2Slice;
const LATIN1_SLICE = NATIVE.latin1Slice;

/** The scratch buffer's first `length` bytes as a one-byte string. */
function scratchText(scratch: Buffer, length: number): string {
  return LATIN1_SLICE === undefined ? scratch.toString('latin1', 0, length) : LATIN1_SLICE.call(scratch, 0, length);
}

/** Decodes `count` UTF-16LE code units at `off`; short strings are built in JS, which beats a native call. */
export function readUtf16(buf: Buffer, off: number, count: number): string {
  if (count <= 8) {
    let s = '';
    for (let i = 0, p = off; i < count; i++, p += 2) s += String.fromCharCode(buf[p] | (buf[p + 1] << 8));
    return s;
  }
  return UCS2_SLICE === undefined
    ? buf.toString('utf16le', off, off + count * 2)
    : UCS2_SLICE.call(buf, off, off + count * 2);
}

/** Decodes a sized UTF-16LE value, dropping the NUL terminators writers usually include. */
export function readUtf16Sized(buf: Buffer, off: number, size: number): string {
  let count = size >>> 1;
  while (count > 0 && buf[off + count * 2 - 2] === 0 && buf[off + count * 2 - 1] === 0) count--;
  return readUtf16(buf, off, count);
}

/** Upper-case hex of bytes[off, off+len). */
export function hexBytes(buf: Uint8Array, off: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += HEX[buf[off + i]];
  return s;
}

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` from a 16-byte little-endian GUID, built in `scratch`. */
export function formatGuid(b: Uint8Array, o: number, scratch: Buffer): string {
  let p = 0;
  scratch[p++] = 0x7b; // {
  for (let i = 0; i < GUID_ORDER.length; i++) {
    const at = GUID_ORDER[i];
    if (at < 0)
      scratch[p++] = 0x2d; // -
    else {
      const x = b[o + at];
      scratch[p++] = HEX_UPPER[x >>> 4];
      scratch[p++] = HEX_UPPER[x & 15];
    }
  }
  scratch[p++] = 0x7d; // }
  return scratchText(scratch, p);
}

/** `0x` + lower-case hex of the 64-bit value hi:lo without leading zeros (`0x0` for zero), built in `scratch`. */
export function formatHex64(hi: number, lo: number, scratch: Buffer): string {
  scratch[0] = 0x30; // 0
  scratch[1] = 0x78; // x
  let p = 2;
  for (let shift = 60; shift >= 0; shift -= 4) {
    const d = (shift >= 32 ? hi >>> (shift - 32) : lo >>> shift) & 15;
    if (d !== 0 || p > 2 || shift === 0) scratch[p++] = HEX_LOWER[d];
  }
  return scratchText(scratch, p);
}

/** Byte length of the SID at `off` (8 + 4 per sub-authority). */
export function sidLength(b: Uint8Array, off: number): number {
  return 8 + 4 * b[off + 1];
}

/** `S-1-5-21-...` from a binary SID (identifier authority is big-endian, sub-authorities little-endian). */
export function formatSid(b: Uint8Array, view: DataView, off: number): string {
  const subCount = b[off + 1];
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + b[off + i];
  let s = `S-${b[off]}-${authority}`;
  for (let i = 0; i < subCount; i++) s += `-${view.getUint32(off + 8 + i * 4, true)}`;
  return s;
}

/** Milliseconds since the Unix epoch of the FILETIME at `off`. */
export function filetimeToMs(view: DataView, off: number): number {
  const ticks = view.getUint32(off + 4, true) * TWO_32 + view.getUint32(off, true);
  return Math.round(ticks / 10_000) - EPOCH_DELTA_SECONDS * 1000;
}

/** ISO-8601 with a 7-digit fraction (`2019-03-19T23:34:39.4780251Z`), exact to the 100 ns tick. */
export function formatFiletime(view: DataView, off: number, scratch: Buffer): string {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  // hi*2^32+lo is not exact above 2^53; take the sub-second ticks by modular arithmetic instead.
  const frac = (((hi % TICKS_PER_SECOND) * (TWO_32 % TICKS_PER_SECOND)) % TICKS_PER_SECOND) + lo;
  const fracTicks = frac % TICKS_PER_SECOND;
  const seconds = Math.round((hi * TWO_32 + lo - fracTicks) / TICKS_PER_SECOND);
  return isoWithTicks((seconds - EPOCH_DELTA_SECONDS) * 1000, fracTicks, scratch);
}

/** ISO-8601 with a 7-digit fraction from a SYSTEMTIME (8 little-endian u16: y, m, dow, d, h, min, s, ms). */
export function formatSystemtime(view: DataView, off: number, scratch: Buffer): string {
  const u = (i: number) => view.getUint16(off + i * 2, true);
  const ms = Date.UTC(u(0), u(1) - 1, u(3), u(4), u(5), u(6));
  return isoWithTicks(ms, u(7) * 10_000, scratch);
}

/**
 * Formats whole-second `ms` with a 7-digit tick fraction (built in `scratch`); out-of-range dates fall back to a
 * plain number.
 */
function isoWithTicks(ms: number, ticks: number, scratch: Buffer): string {
  const days = Math.floor(ms / 86_400_000);
  const secs = Math.floor((ms - days * 86_400_000) / 1000);
  const [y, m, d] = civilFromDays(days);
  if (y < 0 || y > 9999 || !Number.isFinite(ms)) {
    const date = new Date(ms);
    if (Number.isNaN(date.getTime())) return String(ms);
    const iso = date.toISOString();
    return `${iso.slice(0, iso.length - 5)}.${String(ticks).padStart(7, '0')}Z`;
  }
  let p = putDigits(scratch, 0, y, 4);
  scratch[p++] = 0x2d; // -
  p = putDigits(scratch, p, m, 2);
  scratch[p++] = 0x2d;
  p = putDigits(scratch, p, d, 2);
  scratch[p++] = 0x54; // T
  p = putDigits(scratch, p, Math.floor(secs / 3600), 2);
  scratch[p++] = 0x3a; // :
  p = putDigits(scratch, p, Math.floor((secs % 3600) / 60), 2);
  scratch[p++] = 0x3a;
  p = putDigits(scratch, p, secs % 60, 2);
  scratch[p++] = 0x2e; // .
  p = putDigits(scratch, p, ticks, 7);
  scratch[p++] = 0x5a; // Z
  return scratchText(scratch, p);
}

/** Writes the integer `n` >= 0 in decimal at `p`, zero-padded to `width` digits (longer when it needs more). */
function putDigits(out: Buffer, p: number, n: number, width: number): number {
  let len = width;
  for (let limit = 10 ** width; n >= limit; limit *= 10) len++;
  for (let i = p + len - 1, x = n; i >= p; i--, x = Math.floor(x / 10)) out[i] = 0x30 + (x % 10);
  return p + len;
}

/** Proleptic Gregorian [year, month, day] of a day count since 1970-01-01 (H. Hinnant's algorithm). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
