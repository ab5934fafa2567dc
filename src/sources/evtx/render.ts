/** Node tree + substitution values -> evtx_dump-style JSON (`#attributes`, `#text`, EventData by Name). */

import { BinXmlError } from './binxml.js';
import { Fragment, type SubValue, type XAttr, type XElement, type XNode } from './nodes.js';
import type { EvtxJson, EvtxObject, EvtxValue } from './types.js';

const NO_SUBS: readonly SubValue[] = [];

/** Where child elements and text of one element accumulate while its content is rendered. */
interface Sink {
  readonly obj: EvtxObject;
  readonly text: EvtxValue[];
  /** Keys already turned into arrays because an element name repeated. */
  multi: Set<string> | null;
  children: number;
  /** Nodes left to expand for this record; shared templates could otherwise nest into an exponential tree. */
  readonly budget: { left: number };
}

/**
 * An element's object. Built by a constructor rather than as `{}`: a `{}` literal turns into a slow
 * dictionary after about sixteen stores under computed keys (EventData often has more: a third of the
 * benchmark's records did), which makes every later read and copy of it slower; V8 sizes objects made by a
 * constructor from the ones it made before, and they stay in fast mode.
 */
const Element = function Element() {} as unknown as { new (): EvtxObject; prototype: object };
// Plain-object prototype: the objects are indistinguishable from literals (same prototype, constructor).
Element.prototype = Object.prototype;

/** Most nodes one record may expand to before it is reported as corrupt. */
const NODE_BUDGET = 1_000_000;

/** Renders a record's parsed fragment to `{ Event: {...} }`. */
export function renderEvent(nodes: readonly XNode[]): EvtxJson {
  const sink: Sink = { obj: {}, text: [], multi: null, children: 0, budget: { left: NODE_BUDGET } };
  renderContent(nodes, NO_SUBS, sink);
  return sink.obj as unknown as EvtxJson;
}

function renderContent(nodes: readonly XNode[], subs: readonly SubValue[], sink: Sink): void {
  sink.budget.left -= nodes.length;
  if (sink.budget.left < 0) throw new BinXmlError('record expands to too many nodes');
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    switch (node.k) {
      case 0:
        addElement(node, subs, sink, sink.budget);
        break;
      case 1:
        sink.text.push(node.v);
        break;
      case 2: {
        const v = subs[node.i];
        if (v instanceof Fragment) renderContent(v.nodes, NO_SUBS, sink);
        else if (v !== null && v !== undefined) sink.text.push(v);
        break;
      }
      case 3:
        renderContent(node.tpl.nodes, node.subs, sink);
        break;
    }
  }
}

/** `<Data Name="X">v</Data>` becomes key X with the bare content; any other element keeps its name. */
function addElement(el: XElement, subs: readonly SubValue[], sink: Sink, budget: Sink['budget']): void {
  if (el.named) {
    const key = renderParts(el.attrs[0].parts, subs);
    if (key !== null) {
      addChild(sink, String(key), renderElement(el, subs, true, budget));
      return;
    }
  }
  addChild(sink, el.name, renderElement(el, subs, false, budget));
}

function addChild(sink: Sink, key: string, value: EvtxValue): void {
  sink.children++;
  const obj = sink.obj;
  if (key === '__proto__') {
    // Assigning would replace the prototype; define it as a plain own property instead.
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    return;
  }
  // Rendered values are never undefined or functions: either means no own value yet (e.g. 'toString').
  const existing = obj[key];
  if (existing === undefined || typeof existing === 'function') {
    obj[key] = value;
    return;
  }
  if (sink.multi === null) sink.multi = new Set();
  if (sink.multi.has(key)) (existing as EvtxValue[]).push(value);
  else {
    obj[key] = [existing, value];
    sink.multi.add(key);
  }
}

/** An element's JSON: a bare value when it has neither attributes nor children, else an object. */
function renderElement(el: XElement, subs: readonly SubValue[], skipAttrs: boolean, budget: Sink['budget']): EvtxValue {
  const attrs = skipAttrs ? null : renderAttrs(el.attrs, subs);
  const children = el.children;
  if (children.length === 0) return attrs === null ? null : { '#attributes': attrs };
  if (attrs === null && children.length === 1 && children[0].k === 2) {
    const v = subs[children[0].i]; // the common `<EventID>%1</EventID>` case
    if (!(v instanceof Fragment)) return v ?? null;
  }
  const obj = new Element();
  if (attrs !== null) obj['#attributes'] = attrs;
  if (el.keys !== null) return renderKeyed(el, el.keys, subs, obj, budget);
  const sink: Sink = { obj, text: [], multi: null, children: 0, budget };
  renderContent(children, subs, sink);
  const text = joinText(sink.text);
  if (sink.children === 0 && attrs === null) return text === undefined ? null : text;
  if (text !== undefined) obj['#text'] = text;
  return obj;
}

/** Fast path: children are elements with known distinct keys, so no duplicate or text bookkeeping. */
function renderKeyed(
  el: XElement,
  keys: readonly string[],
  subs: readonly SubValue[],
  obj: EvtxObject,
  budget: Sink['budget'],
): EvtxObject {
  budget.left -= keys.length;
  if (budget.left < 0) throw new BinXmlError('record expands to too many nodes');
  const children = el.children as readonly XElement[];
  for (let i = 0; i < keys.length; i++) {
    const child = children[i];
    obj[keys[i]] = renderElement(child, subs, child.named, budget);
  }
  return obj;
}

function renderAttrs(attrs: readonly XAttr[], subs: readonly SubValue[]): EvtxObject | null {
  let out: EvtxObject | null = null;
  for (let i = 0; i < attrs.length; i++) {
    const v = renderParts(attrs[i].parts, subs);
    if (v === null) continue; // null attributes are dropped, as Windows drops empty optional substitutions
    if (out === null) out = {};
    const name = attrs[i].name;
    if (name === '__proto__') Object.defineProperty(out, name, { value: v, enumerable: true, writable: true });
    else out[name] = v;
  }
  return out;
}

/** An attribute value: one typed part as is, several parts joined as a string. */
function renderParts(parts: readonly XNode[], subs: readonly SubValue[]): EvtxValue {
  if (parts.length === 1) return partValue(parts[0], subs);
  const text: EvtxValue[] = [];
  for (const p of parts) {
    const v = partValue(p, subs);
    if (v !== null) text.push(v);
  }
  return joinText(text) ?? null;
}

function partValue(p: XNode, subs: readonly SubValue[]): EvtxValue {
  if (p.k === 1) return p.v;
  if (p.k !== 2) return null;
  const v = subs[p.i];
  return v instanceof Fragment || v === undefined ? null : v;
}

function joinText(text: EvtxValue[]): EvtxValue | undefined {
  if (text.length === 0) return undefined;
  if (text.length === 1) return text[0];
  return text.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join('');
}
