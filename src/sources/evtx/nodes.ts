/** The parsed BinXML tree: elements, literal text, substitution slots and template instances. */

import { ValueMemo } from './memo.js';
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
  /** Values of the template's substitution slots last decoded, reused while their bytes repeat. */
  readonly memo: ValueMemo;
}

/** A nested BinXML fragment carried by a substitution value of type BinXml (0x21). */
export class Fragment {
  /** Wraps the nodes parsed from the nested fragment. */
  constructor(readonly nodes: readonly XNode[]) {}
}

/** A decoded substitution value. */
export type SubValue = EvtxValue | Fragment;

/*
 * The parser makes nodes with these constructors, never with object literals. V8 tracks each literal's
 * allocation site and, once a minor GC finds most objects of a site still alive (a template tree lives as
 * long as its chunk, so this happened as soon as a hunt slowed down), allocates every later object of that
 * site straight in the old generation ("pretenuring"): each chunk's tree then died there, and the strings it
 * pointed to were promoted with it. Objects made by a constructor have no allocation site.
 */

/** An element node. */
export class ElementNode implements XElement {
  readonly k = 0 as const;
  constructor(
    readonly name: string,
    readonly attrs: readonly XAttr[],
    readonly children: readonly XNode[],
    readonly named: boolean,
    readonly keys: readonly string[] | null,
  ) {}
}

/** An attribute. */
export class AttrNode implements XAttr {
  constructor(
    readonly name: string,
    readonly parts: readonly XNode[],
  ) {}
}

/** A literal text node. */
export class TextNode implements XText {
  readonly k = 1 as const;
  constructor(readonly v: EvtxValue) {}
}

/** A substitution slot. */
export class SubNode implements XSub {
  readonly k = 2 as const;
  constructor(
    readonly i: number,
    readonly opt: boolean,
  ) {}
}

/** A template instance. */
export class InstanceNode implements XInstance {
  readonly k = 3 as const;
  constructor(
    readonly tpl: Template,
    readonly subs: readonly SubValue[],
  ) {}
}

/** A compiled template. */
export class TemplateNode implements Template {
  readonly memo = new ValueMemo();
  constructor(readonly nodes: readonly XNode[]) {}
}

/** JSON keys of `children` when each is an element with a fixed, distinct key (Data by a literal Name). */
export function staticKeys(children: readonly XNode[]): string[] | null {
  if (children.length === 0) return null;
  const keys: string[] = new Array(children.length);
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.k !== 0) return null;
    let key = c.name;
    if (c.named) {
      const parts = c.attrs[0].parts;
      if (parts.length !== 1 || parts[0].k !== 1 || typeof parts[0].v !== 'string') return null;
      key = parts[0].v;
    }
    if (key === '__proto__' || keys.indexOf(key, 0) >= 0) return null;
    keys[i] = key;
  }
  return keys;
}

/** True for `<Data Name="...">`, which renders under the Name value rather than as `Data`. */
function isNamedData(name: string, attrs: readonly XAttr[]): boolean {
  return name === 'Data' && attrs.length > 0 && attrs[0].name === 'Name';
}

/** The children of an empty element. */
export const NO_NODES: readonly XNode[] = Object.freeze([]);
const NO_ATTRS: readonly XAttr[] = Object.freeze([]);

/** An element node; attributes are copied to an exact-size array (the node may live as long as its chunk). */
export function element(name: string, attrs: XAttr[], children: readonly XNode[], keys: string[] | null): XElement {
  const kept = attrs.length === 0 ? NO_ATTRS : attrs.slice();
  return new ElementNode(name, kept, children, isNamedData(name, kept), keys);
}
