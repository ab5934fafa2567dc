/**
 * The positioned YAML tree every reader of rule files walks. Two parsers produce it (yaml-fast.ts for the
 * common case, yaml-precise.ts for everything else) and give the same tree for the same text, so nothing
 * downstream knows which one ran. Offsets are UTF-16 indexes into the parsed text.
 */
import type { Span } from '../core/diagnostic.js';

/** [start, end) of a node's value: no trailing comment, blank line or indentation. */
export type Range = readonly [number, number];

/** A scalar after YAML 1.2 core-schema resolution; an empty value is a null scalar with an empty range. */
export interface YamlScalar {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  /** Written in single or double quotes. */
  readonly quoted: boolean;
  readonly range: Range;
}

/** One `key: value` of a mapping. */
export interface YamlPair {
  readonly key: YamlScalar;
  readonly value: YamlNode;
}

/** A block or flow mapping. */
export interface YamlMap {
  readonly kind: 'map';
  readonly pairs: readonly YamlPair[];
  readonly range: Range;
}

/** A block or flow sequence. */
export interface YamlSeq {
  readonly kind: 'seq';
  readonly items: readonly YamlNode[];
  readonly range: Range;
}

/** Any node of the tree. */
export type YamlNode = YamlScalar | YamlMap | YamlSeq;

/** One document of a file: its place among the file's documents, root node and plain JS value. */
export interface ParsedDocument {
  readonly index: number;
  readonly root: YamlNode;
  readonly value: unknown;
}

/** Line starts of a text, for turning UTF-16 offsets into 1-based lines and columns. */
export class LineIndex {
  readonly #starts: number[] = [0];
  /** The line the previous lookup found: spans are asked for in text order, mostly on the same line. */
  #last = 1;

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  /** The 1-based line holding an offset (an offset past the end is on the last line). */
  line(offset: number): number {
    const starts = this.#starts;
    const last = this.#last;
    if (starts[last - 1] <= offset && (last === starts.length || offset < starts[last])) return last;
    this.#last = this.#search(offset);
    return this.#last;
  }

  #search(offset: number): number {
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offset < this.#starts[mid]) high = mid;
      else low = mid + 1;
    }
    return Math.max(low, 1);
  }

  /** The 1-based column of an offset on its line. */
  column(offset: number, line = this.line(offset)): number {
    return offset - this.#starts[line - 1] + 1;
  }
}

/** Line starts of a text. */
export function lineIndex(text: string): LineIndex {
  return new LineIndex(text);
}

/** The span between two offsets. */
export function spanAt(lines: LineIndex, start: number, end: number): Span {
  const last = Math.max(start, end);
  const line = lines.line(start);
  const endLine = lines.line(last);
  return { line, column: lines.column(start, line), endLine, endColumn: lines.column(last, endLine) };
}

/** The span of a node's value. */
export function nodeSpan(lines: LineIndex, node: YamlNode): Span {
  return spanAt(lines, node.range[0], node.range[1]);
}

/**
 * The node at a path of keys and indexes under `root`, or undefined. With `key: true` the key node of the
 * last step is given instead of its value, which is where a diagnostic about a misspelt key belongs.
 */
export function findNode(root: YamlNode | null, path: readonly (string | number)[], key = false): YamlNode | undefined {
  let node: YamlNode | undefined = root ?? undefined;
  for (let i = 0; i < path.length && node; i++) {
    const step = path[i];
    if (node.kind === 'map') {
      const pair: YamlPair | undefined = node.pairs.find((p) => p.key.value === step);
      node = pair && (i === path.length - 1 && key ? pair.key : pair.value);
    } else if (node.kind === 'seq' && typeof step === 'number') node = node.items[step];
    else node = undefined;
  }
  return node;
}

/** The value of a scalar as the JS value YAML gives a mapping key. */
export function keyText(key: YamlScalar): string {
  return key.value === null ? '' : String(key.value);
}
