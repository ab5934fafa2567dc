/** Low-level decoding of EVTX text and time fields: UTF-16LE, GUIDs, SIDs, FILETIME and SYSTEMTIME. */

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());
const TICKS_PER_SECOND = 10_000_000;
/** Seconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DELTA_SECONDS = 11_644_473_600;
const TWO_32 = 4_294_967_296;

/** Decodes `count` UTF-16LE code units at `off`; short strings are built in JS, which beats a native call. */
export function readUtf16(buf: Buffer, off: number, count: number): string {
  if (count <= 8) {
    let s = '';
    for (let i = 0, p = off; i < count; i++, p += 2) s += String.fromCharCode(buf[p] | (buf[p + 1] << 8));
    return s;
  }
  return buf.toString('utf16le', off, off + count * 2);
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

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` from a 16-byte little-endian GUID. */
export function formatGuid(b: Uint8Array, o: number): string {
  return `{${HEX[b[o + 3]]}${HEX[b[o + 2]]}${HEX[b[o + 1]]}${HEX[b[o]]}-${HEX[b[o + 5]]}${HEX[b[o + 4]]}-${HEX[b[o + 7]]}${HEX[b[o + 6]]}-${hexBytes(b, o + 8, 2)}-${hexBytes(b, o + 10, 6)}}`;
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
export function formatFiletime(view: DataView, off: number): string {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  // hi*2^32+lo is not exact above 2^53; take the sub-second ticks by modular arithmetic instead.
  const frac = (((hi % TICKS_PER_SECOND) * (TWO_32 % TICKS_PER_SECOND)) % TICKS_PER_SECOND) + lo;
  const fracTicks = frac % TICKS_PER_SECOND;
  const seconds = Math.round((hi * TWO_32 + lo - fracTicks) / TICKS_PER_SECOND);
  return isoWithTicks((seconds - EPOCH_DELTA_SECONDS) * 1000, fracTicks);
}

/** ISO-8601 with a 7-digit fraction from a SYSTEMTIME (8 little-endian u16: y, m, dow, d, h, min, s, ms). */
export function formatSystemtime(view: DataView, off: number): string {
  const u = (i: number) => view.getUint16(off + i * 2, true);
  const ms = Date.UTC(u(0), u(1) - 1, u(3), u(4), u(5), u(6));
  return isoWithTicks(ms, u(7) * 10_000);
}

/** Formats whole-second `ms` with a 7-digit tick fraction; out-of-range dates fall back to a plain number. */
function isoWithTicks(ms: number, ticks: number): string {
  const days = Math.floor(ms / 86_400_000);
  const secs = Math.floor((ms - days * 86_400_000) / 1000);
  const [y, m, d] = civilFromDays(days);
  if (y < 0 || y > 9999 || !Number.isFinite(ms)) {
    const date = new Date(ms);
    if (Number.isNaN(date.getTime())) return String(ms);
    const iso = date.toISOString();
    return `${iso.slice(0, iso.length - 5)}.${String(ticks).padStart(7, '0')}Z`;
  }
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}T${two(hh)}:${two(mm)}:${two(secs % 60)}.${String(ticks).padStart(7, '0')}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
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
