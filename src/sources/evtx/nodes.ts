/** The parsed BinXML tree: elements, literal text, substitution slots and template instances. */

import type { EvtxValue } from './types.js';

/** Node kinds, kept numeric so the renderer's dispatch stays a cheap integer compare. */
export const NodeKind = { Element: 0, Text: 1, Sub: 2, Instance: 3 } as const;

/** An element with its attributes and content. */
export interface XElement {
  readonly k: 0;
  readonly name: string;
  readonly attrs: readonly XAttr[];
  readonly children: readonly XNode[];
  /** True for `<Data Name="...">`: rendered under its Name attribute's value, without attributes. */
  readonly named: boolean;
  /** JSON keys of the children when they are all elements with distinct literal keys (the fast render path). */
  readonly keys: readonly string[] | null;
}

/** An attribute: its value is a list of text and substitution parts. */
export interface XAttr {
  readonly name: string;
  readonly parts: readonly XNode[];
}

/** Literal content: value text, CDATA, a character or entity reference. */
export interface XText {
  readonly k: 1;
  readonly v: EvtxValue;
}

/** A substitution slot `i` of the enclosing template; optional ones vanish when null. */
export interface XSub {
  readonly k: 2;
  readonly i: number;
  readonly opt: boolean;
}

/** A template instance: a compiled template plus this instance's substitution values. */
export interface XInstance {
  readonly k: 3;
  readonly tpl: Template;
  readonly subs: readonly SubValue[];
}

/** Any node of the tree. */
export type XNode = XElement | XText | XSub | XInstance;

/** A template definition compiled once per chunk; records fill in its substitutions. */
export interface Template {
  readonly nodes: readonly XNode[];
}

/** A nested BinXML fragment carried by a substitution value of type BinXml (0x21). */
export class Fragment {
  /** Wraps the nodes parsed from the nested fragment. */
  constructor(readonly nodes: readonly XNode[]) {}
}

/** A decoded substitution value. */
export type SubValue = EvtxValue | Fragment;
