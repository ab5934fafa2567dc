/** Writer side of the JSON shape: evtx_dump JSON -> element tree (the inverse of render.ts). */

import type { EvtxObject, EvtxValue } from './types.js';

/** A leaf value, written as a substitution unless `literal` (kept in the template, like xmlns). */
export interface WLeaf {
  readonly value: EvtxValue;
  readonly literal: boolean;
}

/** An element to write. */
export interface WElement {
  readonly name: string;
  readonly attrs: readonly { readonly name: string; readonly leaf: WLeaf }[];
  readonly text: WLeaf | null;
  readonly children: readonly WElement[];
}

function isObject(v: EvtxValue): v is EvtxObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Elements for one JSON key: arrays repeat the element, objects carry `#attributes`/`#text`/children. */
export function toElements(name: string, value: EvtxValue, parent: string): WElement[] {
  // A one-item array of a scalar cannot come from repeated elements, so it was an array-typed value.
  const arrayValue = Array.isArray(value) && value.length === 1 && !isObject(value[0]) && !Array.isArray(value[0]);
  if (Array.isArray(value) && !arrayValue) {
    // Repeated elements render as an array; an array inside it was an array-typed value.
    return value.flatMap((v) => (Array.isArray(v) ? [named(name, v, parent)] : toElements(name, v, parent)));
  }
  return [named(name, value, parent)];
}

/** Under EventData every key but `Data` is a `<Data Name="key">`. */
function named(name: string, value: EvtxValue, parent: string): WElement {
  const el = toElement(parent === 'EventData' && name !== 'Data' ? 'Data' : name, value);
  if (el.name === name) return el;
  return { ...el, attrs: [{ name: 'Name', leaf: { value: name, literal: true } }, ...el.attrs] };
}

function toElement(name: string, value: EvtxValue): WElement {
  if (!isObject(value)) return { name, attrs: [], text: value === null ? null : leaf(value), children: [] };
  const attrs: { name: string; leaf: WLeaf }[] = [];
  const rawAttrs = value['#attributes'];
  if (isObject(rawAttrs)) {
    for (const [key, v] of Object.entries(rawAttrs)) {
      if (v !== null) attrs.push({ name: key, leaf: { value: v, literal: key === 'xmlns' } });
    }
  }
  const children: WElement[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key !== '#attributes' && key !== '#text') children.push(...toElements(key, v, name));
  }
  const text = value['#text'];
  return { name, attrs, text: text === undefined || text === null ? null : leaf(text), children };
}

function leaf(value: EvtxValue): WLeaf {
  return { value, literal: false };
}
