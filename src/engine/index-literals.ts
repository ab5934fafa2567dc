/**
 * The literal prefilter index over many compiled rules: per field, one gram table of the lower-cased
 * literals rules require, and one hash of required numbers. For an event it reports which rules have at
 * least one required atom present; rules without a requirement must always be evaluated.
 */
import type { CompiledRule } from './compile.js';
import { GramTable } from './grams.js';
import { type Atom, atomKey } from './require.js';
import { type EventView, scalars, toNumber } from './view.js';

/** Field key used for keyword atoms (any string value of the event). */
const ANY = '\u0000any';

/** The index of required literals of a rule list. */
export class LiteralIndex {
  readonly #texts = new Map<string, GramTable>();
  readonly #numbers = new Map<string, Map<string, number>>();
  readonly #dotted: readonly string[];
  readonly #atomRules: readonly Int32Array[];
  readonly #seen: Int32Array;
  #stamp = 0;

  /** Indexes the requirements of `rules` (rule index = position in the list). */
  constructor(rules: readonly CompiledRule[]) {
    const ids = new Map<string, number>();
    const atoms: Atom[] = [];
    const owners: number[][] = [];
    rules.forEach((r, ruleIndex) => {
      for (const a of r.requirement ?? []) {
        const key = atomKey(a);
        let id = ids.get(key);
        if (id === undefined) {
          id = atoms.length;
          ids.set(key, id);
          atoms.push(a);
          owners.push([]);
        }
        owners[id].push(ruleIndex);
      }
    });
    this.#atomRules = owners.map((o) => Int32Array.from(o));
    const byField = new Map<string, { text: string; id: number }[]>();
    atoms.forEach((a, id) => {
      if (a.kind === 'text') {
        const f = a.field ?? ANY;
        const list = byField.get(f) ?? [];
        list.push({ text: a.text, id });
        byField.set(f, list);
      } else {
        const m = this.#numbers.get(a.field) ?? new Map<string, number>();
        m.set(String(a.value), id);
        this.#numbers.set(a.field, m);
      }
    });
    let largest = 0;
    for (const [f, lits] of byField) {
      this.#texts.set(f, new GramTable(lits));
      largest = Math.max(largest, lits.length);
    }
    this.#seen = new Int32Array(largest);
    const fields = new Set([...this.#texts.keys(), ...this.#numbers.keys()]);
    this.#dotted = [...fields].filter((f) => f.includes('.'));
  }

  /** Calls `hit(ruleIndex)` for each rule with a required atom present in the event (maybe repeatedly). */
  hits(view: EventView, hit: (ruleIndex: number) => void): void {
    const onAtom = (id: number): void => {
      const rs = this.#atomRules[id];
      for (let i = 0; i < rs.length; i++) hit(rs[i]);
    };
    const fields = view.event.fields;
    for (const f in fields) this.#field(view, f, onAtom);
    for (const f of this.#dotted) if (fields[f] === undefined) this.#field(view, f, onAtom);
    const any = this.#texts.get(ANY);
    if (any) this.#scanAll(any, view.allLower(), onAtom);
  }

  #field(view: EventView, f: string, onAtom: (id: number) => void): void {
    const table = this.#texts.get(f);
    if (table) this.#scanAll(table, view.lower(f), onAtom);
    const nums = this.#numbers.get(f);
    if (nums) {
      for (const x of scalars(view.raw(f))) {
        const n = toNumber(x);
        const id = n === undefined ? undefined : nums.get(String(n));
        if (id !== undefined) onAtom(id);
      }
    }
  }

  #scanAll(table: GramTable, values: readonly string[], onAtom: (id: number) => void): void {
    for (const s of values) {
      this.#stamp = (this.#stamp + 1) | 0;
      table.scan(s, this.#seen, this.#stamp, onAtom);
    }
  }
}
