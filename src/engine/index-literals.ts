/**
 * The literal prefilter index over the rules of one route: per field, a hash of whole values (`exact`
 * atoms), a hash of path basenames (suffix atoms like `\whoami.exe`), a gram table for the other literals
 * and a hash of required numbers. For an event it reports which rules have at least one required atom
 * present; rules without a requirement must always be evaluated (the matcher does that).
 */
import type { CompiledRule } from './compile.js';
import { GramTable } from './grams.js';
import { type Atom, atomKey, type TextAtom } from './require.js';
import { type EventView, scalars, toNumber } from './view.js';

/** Field key used for keyword atoms (any string value of the event). */
const ANY = '\u0000any';

/** Lookups for the atoms of one field. */
interface FieldIndex {
  readonly exact: Map<string, number[]>;
  /** Suffix atoms `<sep>name` without another separator, per separator: keyed by the value's last part. */
  readonly baseSeps: string[];
  readonly baseMaps: Map<string, number[]>[];
  grams: GramTable | undefined;
  readonly numbers: Map<string, number[]>;
  /** Atoms present when a value of the field holds a non-ASCII character. */
  readonly nonAscii: number[];
  /** Recently scanned values and the atoms found in them (bounded: cleared when full). */
  readonly memo: Map<string, readonly number[]>;
}

/** Receives candidate rules. */
export interface HitSink {
  hit(ruleIndex: number): void;
}

/** The index of the required literals of some rules. */
export class LiteralIndex {
  readonly #fields = new Map<string, FieldIndex>();
  readonly #dotted: readonly string[];
  /** The indexed fields (keywords apart), read by name when there are few of them. */
  readonly #named: readonly (readonly [string, FieldIndex])[];
  readonly #atomRules: readonly Int32Array[];
  readonly #seen: Int32Array;
  readonly #found: number[] = [];
  /** Keyword literals as one case-insensitive alternation, to rule out pure-ASCII events without lower-casing. */
  readonly #anyTest: ((s: string) => boolean) | undefined;
  #stamp = 0;

  /** Indexes the requirements of `rules[i]` for each i in `members` (results are those indices). */
  constructor(rules: readonly CompiledRule[], members: readonly number[]) {
    const ids = new Map<string, number>();
    const owners: number[][] = [];
    const grams = new Map<string, { text: string; id: number }[]>();
    for (const ruleIndex of members) {
      for (const a of rules[ruleIndex].requirement ?? []) {
        const key = atomKey(a);
        let id = ids.get(key);
        if (id === undefined) {
          id = owners.length;
          ids.set(key, id);
          owners.push([]);
          this.#place(a, id, grams);
        }
        owners[id].push(ruleIndex);
      }
    }
    this.#atomRules = owners.map((o) => Int32Array.from(o));
    let largest = 0;
    for (const [f, lits] of grams) {
      this.#fieldIndex(f).grams = new GramTable(lits);
      largest = Math.max(largest, lits.length);
    }
    this.#seen = new Int32Array(largest);
    this.#dotted = [...this.#fields.keys()].filter((f) => f.includes('.'));
    const named = [...this.#fields].filter(([f]) => f !== ANY);
    this.#named = named.length <= BY_NAME_MAX ? named : [];
    const anyNone = anyPrefilter(grams.get(ANY), this.#fields.get(ANY));
    // Lower-casing never shortens a string into an ASCII literal, so shorter strings cannot hold one.
    const shortest = Math.min(...(grams.get(ANY) ?? []).map((l) => l.text.length));
    this.#anyTest = anyNone && ((s: string) => s.length >= shortest && anyNone.test(s));
  }

  #fieldIndex(f: string): FieldIndex {
    let fi = this.#fields.get(f);
    if (!fi) {
      const [exact, numbers, memo] = [new Map(), new Map(), new Map()];
      fi = { exact, baseSeps: [], baseMaps: [], grams: undefined, numbers, nonAscii: [], memo };
      this.#fields.set(f, fi);
    }
    return fi;
  }

  #place(a: Atom, id: number, grams: Map<string, { text: string; id: number }[]>): void {
    if (a.kind === 'number') {
      add(this.#fieldIndex(a.field).numbers, String(a.value), id);
      return;
    }
    if (a.kind === 'nonascii') {
      this.#fieldIndex(a.field).nonAscii.push(id);
      return;
    }
    const f = a.field ?? ANY;
    const sep = basenameSeparator(a);
    if (a.position === 'exact') add(this.#fieldIndex(f).exact, a.text, id);
    else if (sep !== undefined) {
      const fi = this.#fieldIndex(f);
      let k = fi.baseSeps.indexOf(sep);
      if (k < 0) k = fi.baseSeps.push(sep) - 1;
      fi.baseMaps[k] ??= new Map();
      add(fi.baseMaps[k], a.text, id);
    } else {
      const list = grams.get(f) ?? [];
      list.push({ text: a.text, id });
      grams.set(f, list);
    }
  }

  /** Reports (possibly repeatedly) each rule with a required atom present in the event. */
  hits(view: EventView, sink: HitSink): void {
    const found = this.#found;
    found.length = 0;
    const named = this.#named;
    if (named.length > 0) for (let i = 0; i < named.length; i++) this.#field(view, named[i][0], named[i][1], found);
    else this.#byEventFields(view, found);
    const any = this.#fields.get(ANY);
    if (any && !this.#noKeyword(view)) this.#strings(view.allLower(), any, found);
    for (let i = 0; i < found.length; i++) {
      const rs = this.#atomRules[found[i]];
      for (let j = 0; j < rs.length; j++) sink.hit(rs[j]);
    }
  }

  /**
   * True when no keyword literal can occur: no string of the event matches the alternation of the literals
   * (which also matches the two characters that need the slow way).
   */
  #noKeyword(view: EventView): boolean {
    return this.#anyTest !== undefined && !view.someString(this.#anyTest);
  }

  /** Many indexed fields (more than the event has): walk the event's fields and look each one up. */
  #byEventFields(view: EventView, found: number[]): void {
    const fields = view.event.fields;
    for (const f in fields) {
      const fi = this.#fields.get(f);
      if (fi) this.#field(view, f, fi, found);
    }
    for (const f of this.#dotted) {
      const fi = this.#fields.get(f);
      if (fi && fields[f] === undefined) this.#field(view, f, fi, found);
    }
  }

  #field(view: EventView, f: string, fi: FieldIndex, found: number[]): void {
    const raw = view.raw(f);
    // Absent, null and object values hold no string or number to find.
    if (raw === undefined || raw === null) return;
    if (fi.exact.size > 0 || fi.baseSeps.length > 0 || fi.grams) {
      if (typeof raw === 'string' && raw.length <= MEMO_LENGTH) this.#memoised(view, f, raw, fi, found);
      else this.#strings(view.lower(f), fi, found);
    }
    if (fi.nonAscii.length > 0 && view.strings(f).some((x) => NON_ASCII.test(x))) pushAll(found, fi.nonAscii);
    if (fi.numbers.size > 0) {
      for (const x of scalars(raw)) {
        const n = toNumber(x);
        if (n !== undefined) pushAll(found, fi.numbers.get(String(n)));
      }
    }
  }

  /**
   * A single string value: logs repeat values (images, users, hosts), so the atoms found for a recently seen
   * value are reused, keyed by the value as read: no lower-casing at all for a repeat.
   */
  #memoised(view: EventView, f: string, raw: string, fi: FieldIndex, found: number[]): void {
    const memo = fi.memo.get(raw);
    if (memo !== undefined) {
      pushAll(found, memo);
      return;
    }
    const start = found.length;
    this.#strings(view.lower(f), fi, found);
    if (fi.memo.size >= MEMO_ENTRIES) fi.memo.clear();
    fi.memo.set(raw, found.length === start ? NONE : found.slice(start));
  }

  #strings(values: readonly string[], fi: FieldIndex, found: number[]): void {
    for (const s of values) this.#scanValue(s, fi, found);
  }

  /** Appends the atoms of one (lower-cased) value: whole value, basename, substrings. */
  #scanValue(s: string, fi: FieldIndex, found: number[]): void {
    if (fi.exact.size > 0) pushAll(found, fi.exact.get(s));
    for (let k = 0; k < fi.baseSeps.length; k++) {
      const at = s.lastIndexOf(fi.baseSeps[k]);
      if (at >= 0) pushAll(found, fi.baseMaps[k].get(s.slice(at)));
    }
    if (fi.grams) {
      this.#stamp = (this.#stamp + 1) | 0;
      fi.grams.scan(s, this.#seen, this.#stamp, found);
    }
  }
}

const NON_ASCII = /[^\x00-\x7f]/;
/** Routes with up to this many indexed fields read them by name; others walk the event's fields. */
const BY_NAME_MAX = 24;
/** Values up to this length are memoised, up to this many per field. */
const MEMO_LENGTH = 256;
const MEMO_ENTRIES = 1024;
const NONE: readonly number[] = Object.freeze([]);
/** Non-empty printable ASCII without NUL: for these, a case-insensitive regex equals lower-casing (see below). */
const ASCII_LITERAL = /^[\x01-\x7f]+$/;
/**
 * The only non-ASCII characters whose lower case holds an ASCII character: U+0130 (to `i` + U+0307) and the
 * Kelvin sign U+212A (to `k`). A non-unicode case-insensitive regex never matches a non-ASCII character
 * against an ASCII one, so apart from these two it finds an ASCII literal exactly where `toLowerCase()` does;
 * an event holding either is sent the slow way.
 */
const LOWERS_TO_ASCII = '[\\u0130\\u212a]';
/** Keyword tables up to this many literals get the joined-string prefilter. */
const KEYWORD_PREFILTER_MAX = 64;

/** The keyword prefilter: only for gram-only keyword atoms, few, without NUL. */
function anyPrefilter(lits: readonly { text: string }[] | undefined, fi: FieldIndex | undefined): RegExp | undefined {
  if (lits === undefined || fi === undefined || fi.exact.size > 0 || fi.baseSeps.length > 0 || fi.numbers.size > 0)
    return undefined;
  if (lits.length > KEYWORD_PREFILTER_MAX || lits.some((l) => !ASCII_LITERAL.test(l.text))) return undefined;
  const alternatives = lits.map((l) => l.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp([...alternatives, LOWERS_TO_ASCII].join('|'), 'i');
}

/** The path separator of a suffix atom like `\name.exe` (one separator, at the start), if it is one. */
function basenameSeparator(a: TextAtom): string | undefined {
  if (a.position !== 'suffix' || a.field === null) return undefined;
  const sep = a.text[0];
  if ((sep === '\\' || sep === '/') && a.text.indexOf(sep, 1) < 0) return sep;
  return undefined;
}

function add(m: Map<string, number[]>, key: string, id: number): void {
  const list = m.get(key);
  if (list) list.push(id);
  else m.set(key, [id]);
}

function pushAll(out: number[], ids: readonly number[] | undefined): void {
  if (ids === undefined) return;
  for (let i = 0; i < ids.length; i++) out.push(ids[i]);
}
