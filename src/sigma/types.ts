/**
 * The parsed Sigma document before normalisation: what the author wrote, with the span of every piece.
 * Produced by sigma/document.ts, read by checks and by ir/build.ts.
 */
import type { Span } from '../core/diagnostic.js';
import type { YamlDocument } from './yaml.js';

/** A scalar value as written, with its position. */
export interface RawValue {
  readonly value: string | number | boolean | null;
  readonly span: Span;
}

/** One `field|modifier|...: value(s)` entry of a search (field null for keywords). */
export interface SearchItem {
  readonly field: string | null;
  readonly modifiers: readonly string[];
  /** The key as written, e.g. `CommandLine|contains|all`. */
  readonly key: string;
  readonly values: readonly RawValue[];
  /** True when the values were written as a YAML list. */
  readonly isList: boolean;
  readonly keySpan: Span;
  readonly span: Span;
  /** Path of the value node inside the document, for checks that need the YAML node. */
  readonly path: readonly (string | number)[];
}

/** A named search of the detection section. Alternatives are OR-ed; items of one alternative AND-ed. */
export interface Search {
  readonly name: string;
  readonly form: 'map' | 'list-of-maps' | 'keywords';
  readonly alternatives: readonly (readonly SearchItem[])[];
  readonly span: Span;
  readonly nameSpan: Span;
}

/** A condition string with its span. */
export interface RawCondition {
  readonly text: string;
  readonly span: Span;
  /** Offset of the first character of the text inside the span (1 for quoted scalars). */
  readonly quoteOffset: number;
}

/** The kind of Sigma document. */
export type SigmaDocumentKind = 'detection' | 'correlation' | 'filter';

/** One Sigma rule document with everything checks need. */
export interface SigmaDocument {
  readonly kind: SigmaDocumentKind;
  readonly file: string;
  readonly yaml: YamlDocument;
  /** The document as a plain object. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly searches: readonly Search[];
  readonly conditions: readonly RawCondition[];
  readonly span: Span;
}
