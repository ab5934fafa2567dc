import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/sources/evtx/index.js';
import {
  filetimeToMs,
  formatFiletime,
  formatGuid,
  formatHex64,
  formatSid,
  formatSystemtime,
  SCRATCH_BYTES,
} from '../../src/sources/evtx/text.js';
import { byteView, decodeArray, decodeScalar, ValueType } from '../../src/sources/evtx/values.js';

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** A scratch buffer holding leftovers of earlier text, as a reused one does. */
const scratch = Buffer.alloc(SCRATCH_BYTES, 0x3f);

/** Reference forms, written the plain way: the scratch-built formatters must give the same text. */
const HEX = (x: number) => x.toString(16).padStart(2, '0').toUpperCase();
function plainGuid(b: Uint8Array): string {
  const h = (from: number, to: number) => Array.from(b.subarray(from, to), HEX).join('');
  const le = (...at: number[]) => at.map((i) => HEX(b[i])).join('');
  return `{${le(3, 2, 1, 0)}-${le(5, 4)}-${le(7, 6)}-${h(8, 10)}-${h(10, 16)}}`;
}
function plainHex64(hi: number, lo: number): string {
  return hi === 0 ? `0x${lo.toString(16)}` : `0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')}`;
}
function plainIso(ms: number, ticks: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, iso.length - 5)}.${String(ticks).padStart(7, '0')}Z`;
}

describe('EVTX value decoding', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const b = Buffer.from('123456789');
    expect(crc32(b, 4, 9, crc32(b, 0, 4))).toBe(0xcbf43926);
  });

  it('formats FILETIME with a 7-digit fraction, exactly', () => {
    const b = new Uint8Array(8);
    const ms = Date.UTC(2021, 9, 20, 13, 39, 12);
    view(b).setBigUint64(0, (BigInt(ms) + 11_644_473_600_000n) * 10_000n + 1_234_567n, true);
    expect(formatFiletime(view(b), 0, scratch)).toBe('2021-10-20T13:39:12.1234567Z');
    expect(filetimeToMs(view(b), 0)).toBe(Date.UTC(2021, 9, 20, 13, 39, 12, 123));
    view(b).setBigUint64(0, 0xffffffffffffffffn, true);
    expect(() => formatFiletime(view(b), 0, scratch)).not.toThrow();
  });

  it('formats SYSTEMTIME', () => {
    const b = new Uint8Array(16);
    for (const [i, v] of [2019, 3, 2, 19, 23, 34, 39, 478].entries()) view(b).setUint16(i * 2, v, true);
    expect(formatSystemtime(view(b), 0, scratch)).toBe('2019-03-19T23:34:39.4780000Z');
  });

  it('formats GUIDs upper-case with braces and SIDs', () => {
    const g = bytes(0x25, 0x96, 0x84, 0x54, 0x78, 0x54, 0x94, 0x49, 0xa5, 0xba, 0x3e, 0x3b, 0x03, 0x28, 0xc3, 0x0d);
    expect(formatGuid(g, 0, scratch)).toBe('{54849625-5478-4994-A5BA-3E3B0328C30D}');
    const sid = bytes(1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0);
    expect(formatSid(sid, view(sid), 0)).toBe('S-1-5-32-544');
  });

  it('builds GUIDs, hex and times in the scratch buffer exactly as the plain formulas do', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (g) => {
        expect(formatGuid(g, 0, scratch)).toBe(plainGuid(g));
      }),
    );
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(fc.oneof(u32, fc.constant(0)), fc.oneof(u32, fc.constant(0)), (hi, lo) => {
        expect(formatHex64(hi, lo, scratch)).toBe(plainHex64(hi, lo));
      }),
    );
    // Years 1601-9999 at any tick (FILETIME), and SYSTEMTIME milliseconds past 999 (a 9-digit fraction).
    const b = new Uint8Array(16);
    fc.assert(
      fc.property(fc.integer({ min: -11_644_473_600, max: 253_402_300_799 }), fc.nat(9_999_999), (s, tick) => {
        view(b).setBigUint64(0, (BigInt(s) + 11_644_473_600n) * 10_000_000n + BigInt(tick), true);
        expect(formatFiletime(view(b), 0, scratch)).toBe(plainIso(s * 1000, tick));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1601, max: 9999 }), fc.nat(65535), (year, ms) => {
        for (const [i, v] of [year, 3, 2, 19, 23, 34, 39, ms].entries()) view(b).setUint16(i * 2, v, true);
        expect(formatSystemtime(view(b), 0, scratch)).toBe(plainIso(Date.UTC(year, 2, 19, 23, 34, 39), ms * 10_000));
      }),
    );
  });

  it('decodes every scalar type', () => {
    const src = (b: Uint8Array) => byteView(b);
    expect(decodeScalar(src(bytes(0xff)), ValueType.Int8, 0, 1)).toBe(-1);
    expect(decodeScalar(src(bytes(0xff, 0xff)), ValueType.UInt16, 0, 2)).toBe(65535);
    expect(decodeScalar(src(bytes(0xfe, 0xff, 0xff, 0xff)), ValueType.Int32, 0, 4)).toBe(-2);
    expect(decodeScalar(src(bytes(1, 0, 0, 0, 1, 0, 0, 0)), ValueType.UInt64, 0, 8)).toBe(2 ** 32 + 1);
    expect(decodeScalar(src(bytes(0, 0, 0, 0, 0, 0, 0, 0x80)), ValueType.UInt64, 0, 8)).toBe('9223372036854775808');
    expect(decodeScalar(src(bytes(0xe7, 3, 0, 0)), ValueType.HexInt32, 0, 4)).toBe('0x3e7');
    expect(decodeScalar(src(bytes(0, 0, 0, 0, 0, 0, 0x20, 0x80)), ValueType.HexInt64, 0, 8)).toBe('0x8020000000000000');
    expect(decodeScalar(src(bytes(1, 0, 0, 0)), ValueType.Bool, 0, 4)).toBe(true);
    expect(decodeScalar(src(bytes(0xde, 0xad)), ValueType.Binary, 0, 2)).toBe('DEAD');
    expect(decodeScalar(src(bytes(0x41, 0x42, 0)), ValueType.AnsiString, 0, 3)).toBe('AB');
    expect(decodeScalar(src(Buffer.from('hi\0', 'utf16le')), ValueType.String, 0, 6)).toBe('hi');
    expect(decodeScalar(src(bytes(0, 0, 0x80, 0x3f)), ValueType.Real32, 0, 4)).toBe(1);
    expect(decodeScalar(src(bytes(0x10, 0, 0, 0)), ValueType.SizeT, 0, 4)).toBe('0x10');
  });

  it('decodes arrays: strings split on NUL and fixed-size items', () => {
    const strings = byteView(Buffer.from('a\0bc\0\0', 'utf16le'));
    expect(decodeArray(strings, 0x81, 0, strings.buf.length)).toEqual(['a', 'bc', '']);
    const u16 = byteView(bytes(1, 0, 2, 0));
    expect(decodeArray(u16, 0x86, 0, 4)).toEqual([1, 2]);
    expect(() => decodeArray(u16, 0xa1, 0, 4)).toThrow(RangeError);
  });
});
