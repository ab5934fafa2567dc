/**
 * A quick writer for the documents the `sigma` target emits, giving exactly the bytes of js-yaml's
 * `dump(doc, { schema, lineWidth: -1, noRefs: true })`. It covers block mappings and sequences of
 * strings, safe integers, booleans and null; anything else (a tab or another character js-yaml
 * double-quotes, a non-integer number) makes it return undefined, and the caller dumps with js-yaml.
 * Why: js-yaml's generic dumper (type detection per value, per-character style tests through several
 * layers of calls) took ~500 ms of the ~1.7 s `convert -t sigma` of the SigmaHQ corpus (CPU profile);
 * this writer is 2-3x quicker on the same documents. tests/backends/sigma-yaml.test.ts compares the two
 * on random documents.
 */

import type { Type } from 'js-yaml';
import * as jsYaml from 'js-yaml';

/** js-yaml's built-in types: exported by js-yaml 4, though missing from @types/js-yaml. */
const { types } = jsYaml as unknown as { types: Readonly<Record<string, Type>> };

/** js-yaml's plain scalars that YAML 1.1 reads as booleans, which it quotes for compatibility. */
const DEPRECATED_BOOLEANS = new Set('y Y yes Yes YES on On ON n N no No NO off Off OFF'.split(' '));
const DEPRECATED_BASE60 = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;

/** The characters js-yaml never writes first in a plain scalar (YAML's indicators and blanks). */
const NOT_FIRST = new Set('-?:,[]{}#&*!|=>\'"%@` \t');

/**
 * Writes a document, or returns undefined when it holds something this writer leaves to js-yaml.
 * `implicit` is the dump schema's implicit types in order (js-yaml quotes a string one of them resolves).
 */
export function writeSigmaYaml(doc: Record<string, unknown>, implicit: readonly Type[]): string | undefined {
  const out: string[] = [];
  return writeMap(doc, 0, true, implicit, out) ? `${out.join('')}\n` : undefined;
}

/** js-yaml's writeBlockMapping: a pair per line, `{}` when empty. */
function writeMap(
  map: Record<string, unknown>,
  level: number,
  compact: boolean,
  implicit: readonly Type[],
  out: string[],
): boolean {
  const keys = Object.keys(map);
  if (keys.length === 0) {
    out.push('{}');
    return true;
  }
  for (let i = 0; i < keys.length; i++) {
    const value = map[keys[i]];
    if (value === undefined) return false; // js-yaml skips the pair; never in the target's documents
    if (!compact || i > 0) out.push(nextLine(level));
    const key = scalarText(keys[i], implicit, level + 1, true);
    if (key === undefined || key.length > 1024) return false; // a long key becomes an explicit `? key`
    out.push(key);
    const nested = isCollection(value);
    out.push(nested ? ':' : ': ');
    if (!writeValue(value, level + 1, false, implicit, out)) return false;
  }
  return true;
}

/** js-yaml's writeBlockSequence: `- item` per line, `[]` when empty. */
function writeSeq(
  items: readonly unknown[],
  level: number,
  compact: boolean,
  implicit: readonly Type[],
  out: string[],
) {
  if (items.length === 0) {
    out.push('[]');
    return true;
  }
  for (let i = 0; i < items.length; i++) {
    if (items[i] === undefined) return false;
    if (!compact || i > 0) out.push(nextLine(level));
    out.push('- '); // an item's map or list starts on this line (js-yaml writes it compact)
    if (!writeValue(items[i], level + 1, true, implicit, out)) return false;
  }
  return true;
}

/** True for a non-empty map or list: as a mapping value it starts on a new line, after a lone `:`. */
function isCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

function writeValue(value: unknown, level: number, compact: boolean, implicit: readonly Type[], out: string[]) {
  if (Array.isArray(value)) return writeSeq(value, level, compact, implicit, out);
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false; // a Date, a class instance
    return writeMap(value as Record<string, unknown>, level, compact, implicit, out);
  }
  const text = valueText(value, level, implicit);
  if (text === undefined) return false;
  out.push(text);
  return true;
}

function valueText(value: unknown, level: number, implicit: readonly Type[]): string | undefined {
  if (typeof value === 'string') return scalarText(value, implicit, level);
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // js-yaml writes -0 as a float (-0.0); other non-integers take its float formatting too.
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  return undefined;
}

/** A line break and the indentation of a nesting level (js-yaml's generateNextLine). */
function nextLine(level: number): string {
  return INDENTS[level] ?? `\n${'  '.repeat(level)}`;
}

const INDENTS = Array.from({ length: 8 }, (_, level) => `\n${'  '.repeat(level)}`);

/**
 * js-yaml's writeScalar in a block context without a line width: plain when the text is safe and no
 * implicit type reads it as something else, a literal block (`|`) when it holds line breaks (not in a
 * key), else single quotes. Undefined for texts it would double-quote (unprintable characters).
 * `level` is the nesting js-yaml indents a block scalar's lines by.
 */
export function scalarText(s: string, implicit: readonly Type[], level = 0, key = false): string | undefined {
  if (s.length === 0) return "''";
  if (DEPRECATED_BOOLEANS.has(s) || DEPRECATED_BASE60.test(s)) return `'${s}'`;
  if (PLAIN_ASCII.test(s)) return isResolved(s, implicit) ? `'${s.replaceAll("'", "''")}'` : s;
  let plain = !NOT_FIRST.has(s[0]);
  let lineBreak = false;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      // A surrogate pair is one code point to js-yaml, printable and a plain-safe character.
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + low - 0xdc00 + 0x10000;
        i++;
      }
    }
    if (c === 0x0a && !key) lineBreak = true;
    else if (!isPrintable(c)) return undefined;
    // js-yaml's isPlainSafe in a block: no comment start (`#` first or after a blank), no `: `.
    else if ((c === 0x23 && (prev === -1 || prev === 0x20)) || (prev === 0x3a && c === 0x20)) plain = false;
    prev = c;
  }
  if (lineBreak) return literalBlock(s, 2 * Math.max(1, level));
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x20 || last === 0x3a) plain = false; // isPlainSafeLast
  if (plain && !isResolved(s, implicit)) return s;
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * The common case of scalarText's loop as one regex (native code, several times quicker than the loop
 * over the SigmaHQ corpus' ~160,000 strings): printable ASCII, a first character that may start a plain
 * scalar, no `#` after a blank, no `: ` and no blank or `:` last.
 */
const PLAIN_ASCII =
  /^[^-?:,[\]{}#&*!|=>'"%@` \x00-\x1f\x7f-\uffff](?:[\x20-\x22\x24-\x39\x3b-\x7e]|(?<! )#|:(?! ))*(?<![ :])$/;

/** True when an implicit type reads the text (js-yaml's testImplicitResolving): it must be quoted. */
function isResolved(s: string, implicit: readonly Type[]): boolean {
  for (const t of implicit) if (t.resolve(s)) return true;
  return false;
}

/** js-yaml's literal block scalar: header (indentation and chomping indicators), then indented lines. */
function literalBlock(s: string, indent: number): string {
  const indicator = /^\n* /.test(s) ? '2' : '';
  const clip = s.endsWith('\n');
  const chomp = clip && (s[s.length - 2] === '\n' || s === '\n') ? '+' : clip ? '' : '-';
  const pad = ' '.repeat(indent);
  // Every line but empty ones is indented; the last line break is dropped (the chomping keeps it).
  const body = s.replace(/[^\n]+/g, (line) => pad + line);
  return `|${indicator}${chomp}\n${clip ? body.slice(0, -1) : body}`;
}

/** js-yaml's isPrintable for one code point (a line feed is not). */
function isPrintable(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa1 && c <= 0xd7ff && c !== 0x2028 && c !== 0x2029) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** The implicit types of js-yaml's DEFAULT_SCHEMA, in its order (core, then timestamp and merge). */
export const DEFAULT_IMPLICIT: readonly Type[] = [
  types.null,
  types.bool,
  types.int,
  types.float,
  types.timestamp,
  types.merge,
];
