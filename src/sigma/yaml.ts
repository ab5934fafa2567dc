/**
 * Parses rule text into YAML documents that remember where every node is. Consumes text; produces one
 * `YamlDocument` per `---` document with its plain JS value, plus positioned syntax diagnostics.
 */
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { report } from '../core/codes.js';
import type { Diagnostic, Span } from '../core/diagnostic.js';

/** Aliases allowed per document before it is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** One YAML document of a rule file. */
export interface YamlDocument {
  readonly file: string;
  readonly index: number;
  /** The document as plain JS (maps become objects). */
  readonly value: unknown;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** A parsed rule file. */
export interface YamlFile {
  readonly file: string;
  readonly documents: readonly YamlDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses every document of a file; documents with syntax errors are reported and left out. */
export function parseYaml(file: string, text: string): YamlFile {
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const documents: YamlDocument[] = [];
  const parsed = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const check = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
        diagnostics.push(report(check, file, spanAt(lines, e.pos[0], e.pos[1]), `YAML: ${firstLine(e.message)}`));
      }
      return;
    }
    if (doc.contents === null) return;
    try {
      const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      documents.push({ file, index, value, doc, lines });
    } catch (err) {
      const span = isNode(doc.contents) ? nodeSpan(lines, doc.contents) : undefined;
      const msg = `YAML aliases expand too far (${firstLine(String((err as Error).message))}); remove the alias chain`;
      diagnostics.push(report('yaml-alias-limit', file, span, msg));
    }
  });
  return { file, documents, diagnostics };
}

/** The span of a YAML node (its value, without trailing comments). */
export function nodeSpan(lines: LineCounter, node: Node): Span {
  const [start, end] = node.range ?? [0, 0];
  return spanAt(lines, start, end);
}

/** The span between two offsets. */
export function spanAt(lines: LineCounter, start: number, end: number): Span {
  const a = lines.linePos(start);
  const b = lines.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * The node at a path of keys and indexes, or undefined. With `key: true` the span of the key is given
 * instead of the value, which is where a diagnostic about a misspelt key belongs.
 */
export function nodeAt(doc: YamlDocument, path: readonly (string | number)[], key = false): Node | undefined {
  let node: unknown = doc.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) return undefined;
      node = last && key ? pair.key : pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else return undefined;
  }
  return isNode(node) ? node : undefined;
}

/** The span at a path, falling back to the nearest ancestor that exists. */
export function spanOf(doc: YamlDocument, path: readonly (string | number)[], key = false): Span {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(doc, path.slice(0, n), key && n === path.length);
    if (node) return nodeSpan(doc.lines, node);
  }
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
