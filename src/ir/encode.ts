/**
 * The encoding modifiers (base64, base64offset, utf16*, wide, windash) applied to literal patterns.
 * Each turns one pattern into one or more alternative patterns (OR-ed). Pure; used by ir/build.ts.
 */
import { literalText, pattern } from './pattern.js';
import type { Pattern, PatternPart } from './types.js';

/** A value between encodings: text (a pattern) or bytes produced by a utf16 modifier. */
export type Encoded = { readonly text: Pattern } | { readonly bytes: Uint8Array };

/** Most variants windash may produce for one value before it is refused as too costly. */
export const MAX_WINDASH_VARIANTS = 256;

const DASHES = ['-', '/', '\u2013', '\u2014', '\u2015'];

/** Applies one encoding modifier; returns the variants, or an error message. */
export function applyEncoding(name: string, values: readonly Encoded[]): { values?: Encoded[]; error?: string } {
  const out: Encoded[] = [];
  for (const v of values) {
    const r = encodeOne(name, v);
    if (typeof r === 'string') return { error: r };
    out.push(...r);
  }
  return { values: out };
}

function encodeOne(name: string, v: Encoded): Encoded[] | string {
  if (name === 'windash') {
    if (!('text' in v)) return 'windash applies to text, not to utf16 bytes';
    return windash(v.text);
  }
  const bytes = toBytes(v);
  if (typeof bytes === 'string') return bytes;
  switch (name) {
    case 'utf16le':
    case 'wide':
      return [{ bytes: utf16(bytes, false, false) }];
    case 'utf16be':
      return [{ bytes: utf16(bytes, true, false) }];
    case 'utf16':
      return [{ bytes: utf16(bytes, false, true) }];
    case 'base64':
      return [{ text: pattern([toBase64(bytes)]) }];
    case 'base64offset':
      return base64Offsets(bytes).map((t) => ({ text: pattern([t]) }));
    default:
      return `unknown encoding '${name}'`;
  }
}

function toBytes(v: Encoded): Uint8Array | string {
  if ('bytes' in v) return v.bytes;
  const lit = literalText(v.text);
  if (lit === undefined) return 'wildcards and placeholders cannot be encoded: write the value without * or ?';
  return new TextEncoder().encode(lit);
}

/** Re-encodes UTF-8 bytes as UTF-16 (little or big endian), optionally with a byte order mark. */
function utf16(utf8: Uint8Array, bigEndian: boolean, bom: boolean): Uint8Array {
  const text = new TextDecoder().decode(utf8);
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) {
    out[o++] = bigEndian ? 0xfe : 0xff;
    out[o++] = bigEndian ? 0xff : 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o++] = bigEndian ? c >> 8 : c & 0xff;
    out[o++] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

/**
 * The three base64 forms a byte string takes at offsets 0, 1 and 2 of an encoded stream, trimmed to the
 * characters that do not depend on the surrounding bytes.
 */
export function base64Offsets(bytes: Uint8Array): string[] {
  const starts = [0, 2, 3];
  const ends = [0, -3, -2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const shifted = new Uint8Array(i + bytes.length);
    shifted.fill(0x20, 0, i);
    shifted.set(bytes, i);
    const b64 = toBase64(shifted);
    const end = ends[(bytes.length + i) % 3];
    out.push(b64.slice(starts[i], end === 0 ? undefined : end));
  }
  return out;
}

/** Every variant of a pattern with each dash that starts a flag replaced by -, /, en dash, em dash and bar. */
function windash(p: Pattern): Encoded[] | string {
  let variants: PatternPart[][] = [[]];
  const slots = p.flatMap((part) => (typeof part === 'string' ? splitDashes(part) : [part]));
  for (const slot of slots) {
    const options: PatternPart[] = slot === DASH_SLOT ? DASHES : [slot];
    variants = variants.flatMap((v) => options.map((o) => [...v, o]));
    if (variants.length > MAX_WINDASH_VARIANTS)
      return `windash makes more than ${MAX_WINDASH_VARIANTS} variants; split the value`;
  }
  return variants.map((v) => ({ text: pattern(v) }));
}

/** Marks where a flag dash stands inside literal text. */
const DASH_SLOT: PatternPart = Object.freeze({ placeholder: '\u0000windash' });

/** Splits literal text so that each dash or slash opening a flag (`-x`, `/x` after a non-word) becomes a slot. */
function splitDashes(text: string): PatternPart[] {
  const out: PatternPart[] = [];
  let lit = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const opensFlag = (i === 0 || !/\w/.test(text[i - 1])) && /\w/.test(text[i + 1] ?? '');
    if ((c === '-' || c === '/') && opensFlag) {
      out.push(lit, DASH_SLOT);
      lit = '';
    } else lit += c;
  }
  out.push(lit);
  return out.filter((s) => s !== '');
}

/** Standard base64 of bytes (browser-safe: no Buffer). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bytes as a string of code points 0-255 (how encoded bytes are matched in text fields). */
export function bytesToLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}
