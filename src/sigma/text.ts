/**
 * Turns the bytes of a rule file into text. Consumes raw bytes; produces a string plus diagnostics about
 * size, binary content and encoding (UTF-16 and Latin-1 files are decoded, with a warning).
 */

import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';

/** Largest rule file read, in bytes; Sigma rules are a few KiB. */
export const MAX_RULE_FILE_BYTES = 4 * 1024 * 1024;

/** One strict UTF-8 decoder for every file (decoding without `stream` keeps no state between calls). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The decoded text of a file, or nothing when it cannot be a rule file. */
export interface DecodedText {
  readonly text: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Decodes rule-file bytes, detecting BOMs, binary content and non-UTF-8 text. */
export function decodeRuleBytes(file: string, bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_RULE_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return fail(report('file-too-large', file, undefined, `file is ${mb} MiB; rule files are limited to 4 MiB`));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(file, bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(file, bytes.subarray(2), 'utf-16be');
  if (looksLikeUtf16Le(bytes)) return utf16(file, bytes, 'utf-16le');
  if (isBinary(bytes)) {
    return fail(
      report('binary-file', file, undefined, 'file holds binary data (NUL bytes); a rule file must be YAML text'),
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: UTF8.decode(start === 0 ? bytes : bytes.subarray(start)), diagnostics: [] };
  } catch {
    const text = new TextDecoder('latin1').decode(bytes);
    const d = report('file-encoding', file, undefined, 'file is not valid UTF-8; read as Latin-1 — save it as UTF-8');
    return { text, diagnostics: [d] };
  }
}

function utf16(file: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const text = new TextDecoder(encoding).decode(bytes);
  const d = report('file-encoding', file, undefined, `file is ${encoding.toUpperCase()}; save it as UTF-8`);
  return { text, diagnostics: [d] };
}

function fail(d: Diagnostic): DecodedText {
  return { text: undefined, diagnostics: [d] };
}

/** UTF-16LE text without a BOM: ASCII letters followed by NUL bytes. */
function looksLikeUtf16Le(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  return bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0;
}

function isBinary(bytes: Uint8Array): boolean {
  // Rule files are mostly smaller than the 8 KiB looked at; Buffer.subarray makes an object each time.
  return (bytes.length <= 8192 ? bytes : bytes.subarray(0, 8192)).indexOf(0) !== -1;
}
