/**
 * Per-event access to field values for compiled predicates. A view lives for one event: string forms and
 * lower-cased forms of each field are computed at most once per event, however many rules read them.
 */
import type { FieldValue, LogEvent } from '../sources/event.js';

const NONE: readonly string[] = Object.freeze([]);

/** Field values of one event, with lazily cached string and lower-cased string lists. */
export class EventView {
  readonly event: LogEvent;
  // Created on first use: many events are only read by the index and a rule or two.
  #strings: Map<string, readonly string[]> | undefined;
  #lower: Map<string, readonly string[]> | undefined;
  #allStrings: readonly string[] | undefined;
  #allLower: readonly string[] | undefined;

  constructor(event: LogEvent) {
    this.event = event;
  }

  /** The raw value of a field (undefined when absent); dotted names also walk nested objects. */
  raw(field: string): FieldValue | undefined {
    const fields = this.event.fields;
    const v = fields[field];
    // Names like `constructor` must not read Object.prototype members.
    if (typeof v === 'function') return undefined;
    if (v !== undefined || !field.includes('.')) return v;
    return walk(fields, field);
  }

  /** The scalar values of a field as strings (numbers and booleans in their JSON form), lists flattened. */
  strings(field: string): readonly string[] {
    this.#strings ??= new Map();
    let s = this.#strings.get(field);
    if (s === undefined) {
      s = scalarStrings(this.raw(field));
      this.#strings.set(field, s);
    }
    return s;
  }

  /** The lower-cased strings of a field, computed once per event and field. */
  lower(field: string): readonly string[] {
    this.#lower ??= new Map();
    let s = this.#lower.get(field);
    if (s === undefined) {
      // A plain string (the usual field) needs no string list of its own.
      const v = this.event.fields[field];
      s = typeof v === 'string' ? [v.toLowerCase()] : lowerAll(this.strings(field));
      this.#lower.set(field, s);
    }
    return s;
  }

  /** Every string value of the event (keywords search these), in field order. */
  allStrings(): readonly string[] {
    if (this.#allStrings === undefined) {
      const out: string[] = [];
      for (const v of Object.values(this.event.fields)) collectStrings(v, out);
      this.#allStrings = out;
    }
    return this.#allStrings;
  }

  /** Every string value of the event, lower-cased once. */
  allLower(): readonly string[] {
    if (this.#allLower === undefined) this.#allLower = lowerAll(this.allStrings());
    return this.#allLower;
  }
}

function lowerAll(values: readonly string[]): readonly string[] {
  if (values.length === 0) return NONE;
  if (values.length === 1) {
    const l = values[0].toLowerCase();
    return l === values[0] ? values : [l];
  }
  return values.map((v) => v.toLowerCase());
}

function walk(fields: Readonly<Record<string, FieldValue>>, path: string): FieldValue | undefined {
  let cur: FieldValue | undefined = fields as FieldValue;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = Object.hasOwn(cur, key) ? (cur as Record<string, FieldValue>)[key] : undefined;
  }
  return cur;
}

/** Scalar values of a field value as strings; objects are not scalars and give nothing. */
export function scalarStrings(v: FieldValue | undefined): readonly string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v as readonly FieldValue[]) if (x !== null && typeof x !== 'object') out.push(String(x));
    return out;
  }
  return NONE;
}

function collectStrings(v: FieldValue, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v as readonly FieldValue[]) collectStrings(x, out);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) collectStrings(x, out);
}

/** Scalar values of a field value, lists flattened (any element may match). */
export function scalars(v: FieldValue | undefined): readonly (string | number | boolean)[] {
  if (v === undefined || v === null) return NONE;
  if (Array.isArray(v)) {
    const out: (string | number | boolean)[] = [];
    for (const x of v as readonly FieldValue[]) if (x !== null && typeof x !== 'object') out.push(x);
    return out;
  }
  if (typeof v === 'object') return NONE;
  return [v as string | number | boolean];
}

/** A number from a number or a decimal string (`42`, `-1.5`, `0x1F`), else undefined. */
export function toNumber(v: string | number | boolean): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  return undefined;
}
