/**
 * The positioned YAML tree every reader of rule files walks. Two parsers produce it (yaml-fast.ts for the
 * common case, yaml-precise.ts for everything else) and give the same tree for the same text, so nothing
 * downstream knows which one ran. Offsets are UTF-16 indexes into the parsed text.
 */
import { LineCounter } from 'yaml';
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

/** Line starts of a text, for turning offsets into 1-based line and column. */
export function lineIndex(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** The span between two offsets. */
export function spanAt(lines: LineCounter, start: number, end: number): Span {
  const a = lines.linePos(start);
  const b = lines.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** The span of a node's value. */
export function nodeSpan(lines: LineCounter, node: YamlNode): Span {
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
