/**
 * Per-event access to field values for compiled predicates. String forms and lower-cased forms of each
 * field are computed at most once per event, however many rules read them. A matcher keeps one view and
 * points it at each event in turn (`reset`), so the caches are reused instead of allocated per event.
 */
import type { FieldValue, LogEvent } from '../sources/event.js';

const NONE: readonly string[] = Object.freeze([]);

/** Cached forms of one field for the event of a given epoch. */
interface Slot {
  epoch: number;
  strings: readonly string[] | undefined;
  lower: readonly string[] | undefined;
  /** The lower-cased value when the raw value is a plain string ('' marks "not computed"). */
  text: string | undefined;
}

/** Field values of one event, with lazily cached string and lower-cased string lists. */
export class EventView {
  #event: LogEvent;
  #epoch = 1;
  // Slots outlive events: names repeat from one event to the next, so the map stops growing quickly.
  readonly #slots = new Map<string, Slot>();
  #allEpoch = 0;
  #allStrings: string[] = [];
  #allLowerEpoch = 0;
  #allLower: readonly string[] = NONE;

  constructor(event: LogEvent) {
    this.#event = event;
  }

  /** The event the view reads. */
  get event(): LogEvent {
    return this.#event;
  }

  /** Points the view at another event, dropping every cached form of the previous one. */
  reset(event: LogEvent): void {
    this.#event = event;
    this.#epoch = (this.#epoch + 1) | 0 || 1;
    if (this.#slots.size > MAX_SLOTS) this.#slots.clear();
  }

  /** The raw value of a field (undefined when absent); dotted names also walk nested objects. */
  raw(field: string): FieldValue | undefined {
    const fields = this.#event.fields;
    const v = fields[field];
    // Names like `constructor` must not read Object.prototype members.
    if (typeof v === 'function') return undefined;
    if (v !== undefined || !field.includes('.')) return v;
    return walk(fields, field);
  }

  #slot(field: string): Slot {
    let s = this.#slots.get(field);
    if (s === undefined) {
      s = { epoch: this.#epoch, strings: undefined, lower: undefined, text: undefined };
      this.#slots.set(field, s);
    } else if (s.epoch !== this.#epoch) {
      s.epoch = this.#epoch;
      s.strings = undefined;
      s.lower = undefined;
      s.text = undefined;
    }
    return s;
  }

  /** The scalar values of a field as strings (numbers and booleans in their JSON form), lists flattened. */
  strings(field: string): readonly string[] {
    const s = this.#slot(field);
    if (s.strings === undefined) s.strings = scalarStrings(this.raw(field));
    return s.strings;
  }

  /** The lower-cased strings of a field, computed once per event and field. */
  lower(field: string): readonly string[] {
    const s = this.#slot(field);
    if (s.lower === undefined) {
      const t = this.lowerText(field);
      s.lower = t !== undefined ? [t] : lowerAll(this.strings(field));
    }
    return s.lower;
  }

  /**
   * The lower-cased value of a field whose raw value is a plain string (the usual case), else undefined:
   * callers then fall back to `lower`. No list is built for the common case.
   */
  lowerText(field: string): string | undefined {
    const v = this.#event.fields[field];
    if (typeof v !== 'string') return undefined;
    const s = this.#slot(field);
    if (s.text === undefined) s.text = v.toLowerCase();
    return s.text;
  }

  /** Every string value of the event (keywords search these), in field order. */
  allStrings(): readonly string[] {
    if (this.#allEpoch !== this.#epoch) {
      // A fresh array per event: callers may keep the list (it is frozen by contract, not copied).
      const out: string[] = [];
      const fields = this.#event.fields;
      for (const k in fields) {
        const v = fields[k];
        if (typeof v === 'string') out.push(v);
        else if (v !== null && typeof v === 'object') collectStrings(v, out);
      }
      this.#allStrings = out;
      this.#allEpoch = this.#epoch;
    }
    return this.#allStrings;
  }

  /** True when `test` holds for some string value of the event (the strings of allStrings, no list built). */
  someString(test: (s: string) => boolean): boolean {
    if (this.#allEpoch === this.#epoch) return this.#allStrings.some(test);
    const fields = this.#event.fields;
    for (const k in fields) {
      const v = fields[k];
      if (typeof v === 'string') {
        if (test(v)) return true;
      } else if (v !== null && typeof v === 'object' && someNested(v, test)) return true;
    }
    return false;
  }

  /** Every string value of the event, lower-cased once. */
  allLower(): readonly string[] {
    if (this.#allLowerEpoch !== this.#epoch) {
      this.#allLower = lowerAll(this.allStrings());
      this.#allLowerEpoch = this.#epoch;
    }
    return this.#allLower;
  }
}

/** Distinct field names a view keeps slots for before it starts over (bounds odd inputs with many names). */
const MAX_SLOTS = 4096;

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

function someNested(v: FieldValue, test: (s: string) => boolean): boolean {
  const out: string[] = [];
  collectStrings(v, out);
  return out.some(test);
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

/** True when `test` holds for some scalar of a field value (the values of `scalars`, without building the list). */
export function someScalar(v: FieldValue | undefined, test: (x: string | number | boolean) => boolean): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) {
    for (const x of v as readonly FieldValue[]) if (x !== null && typeof x !== 'object' && test(x)) return true;
    return false;
  }
  return typeof v !== 'object' && test(v as string | number | boolean);
}

/** A number from a number or a decimal string (`42`, `-1.5`, `0x1F`), else undefined. */
export function toNumber(v: string | number | boolean): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  // Most strings are not numbers: a printable ASCII first character other than a digit, sign or point
  // (nothing trim() removes) rules them out without trimming or regexes.
  const c = v.charCodeAt(0);
  if (c > 32 && c < 127 && !(c >= 48 && c <= 57) && c !== 43 && c !== 45 && c !== 46) return undefined;
  const s = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  return undefined;
}
