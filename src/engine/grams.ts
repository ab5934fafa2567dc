/**
 * A multi-pattern substring finder for the literal index: every literal is hashed by one of its grams
 * (up to 4 code units; the gram least shared with other literals of the same field), and a value is scanned
 * once with a rolling hash. Each gram hit is verified in place (the literal must sit around the gram), so
 * a reported literal really occurs. Linear in the value length, plus verification of colliding literals.
 */

/** One gram length class: literals of that gram length hashed into a bucket table. */
interface GramClass {
  readonly g: number;
  readonly keep: number;
  readonly shift: number;
  readonly heads: Int32Array;
}

/** Literals to find inside the strings of one field. */
export class GramTable {
  readonly #texts: readonly string[];
  readonly #ids: Int32Array;
  readonly #next: Int32Array;
  /** Where each literal's indexed gram starts inside it. */
  readonly #offsets: Int32Array;
  readonly #classes: readonly GramClass[];
  /** For small tables, a native regex over the alternation of the literals: a fast "none here" check. */
  readonly #none: RegExp | undefined;

  /** Builds the table for literals (lower-cased, non-empty) with their atom ids. */
  constructor(literals: readonly { readonly text: string; readonly id: number }[]) {
    this.#texts = literals.map((l) => l.text);
    this.#ids = Int32Array.from(literals.map((l) => l.id));
    this.#next = new Int32Array(literals.length).fill(-1);
    this.#offsets = new Int32Array(literals.length);
    const counts = gramCounts(this.#texts);
    const classes = new Map<number, GramClass>();
    this.#texts.forEach((text, i) => {
      const g = Math.min(text.length, 4);
      let cls = classes.get(g);
      if (!cls) {
        cls = makeClass(g, this.#texts.filter((t) => Math.min(t.length, 4) === g).length);
        classes.set(g, cls);
      }
      const at = rarestGram(text, g, counts);
      this.#offsets[i] = at;
      const b = bucket(hashOf(text.slice(at, at + g)), cls);
      this.#next[i] = cls.heads[b];
      cls.heads[b] = i;
    });
    this.#classes = [...classes.values()];
    // Most values contain no literal at all; V8's regex engine rejects those faster than the JS scan.
    // An alternation of plain literals has no nested quantifiers, so it cannot backtrack badly.
    this.#none = literals.length <= PREFILTER_MAX ? new RegExp(this.#texts.map(escapeRegex).join('|')) : undefined;
  }

  /**
   * Appends to `out` the atom id of every literal occurring in `s`. `seen` and `stamp` de-duplicate checks
   * within one value: `seen[i] === stamp` means literal i was already checked for this value.
   */
  scan(s: string, seen: Int32Array, stamp: number, out: number[]): void {
    if (this.#none && !this.#none.test(s)) return;
    if (this.#classes.length === 1) {
      this.#scanOne(s, seen, stamp, out);
      return;
    }
    const classes = this.#classes;
    const next = this.#next;
    let h = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h = ((h << 8) | ((c ^ (c >>> 8)) & 0xff)) >>> 0;
      for (let k = 0; k < classes.length; k++) {
        const cls = classes[k];
        if (i + 1 < cls.g) continue;
        for (let j = cls.heads[bucket(h & cls.keep, cls)]; j >= 0; j = next[j])
          this.#verify(s, i + 1 - cls.g, j, seen, stamp, out);
      }
    }
  }

  /** scan() for the common case of a single gram length (a tight loop without the class dispatch). */
  #scanOne(s: string, seen: Int32Array, stamp: number, out: number[]): void {
    const { g, keep, shift, heads } = this.#classes[0];
    const next = this.#next;
    let h = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h = ((h << 8) | ((c ^ (c >>> 8)) & 0xff)) >>> 0;
      if (i + 1 < g) continue;
      for (let j = heads[Math.imul(h & keep, 0x9e3779b1) >>> shift]; j >= 0; j = next[j])
        this.#verify(s, i + 1 - g, j, seen, stamp, out);
    }
  }

  /** Records literal j when it sits in `s` around the gram found at `gramAt`. */
  #verify(s: string, gramAt: number, j: number, seen: Int32Array, stamp: number, out: number[]): void {
    if (seen[j] === stamp) return;
    const start = gramAt - this.#offsets[j];
    if (start >= 0 && s.startsWith(this.#texts[j], start)) {
      seen[j] = stamp;
      out.push(this.#ids[j]);
    }
  }

  /** True when any literal occurs in `s` (stops at the first one found). */
  has(s: string): boolean {
    if (this.#none) return this.#none.test(s);
    const classes = this.#classes;
    const next = this.#next;
    let h = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h = ((h << 8) | ((c ^ (c >>> 8)) & 0xff)) >>> 0;
      for (let k = 0; k < classes.length; k++) {
        const cls = classes[k];
        if (i + 1 < cls.g) continue;
        for (let j = cls.heads[bucket(h & cls.keep, cls)]; j >= 0; j = next[j]) {
          const start = i + 1 - cls.g - this.#offsets[j];
          if (start >= 0 && s.startsWith(this.#texts[j], start)) return true;
        }
      }
    }
    return false;
  }

  /** Number of literals (the size of the `seen` array callers pass to scan). */
  get size(): number {
    return this.#texts.length;
  }
}

/** Tables up to this many literals get the regex prefilter. */
const PREFILTER_MAX = 48;

function escapeRegex(t: string): string {
  return t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function makeClass(g: number, n: number): GramClass {
  let bits = 6;
  while (1 << bits < n * 2 && bits < 20) bits++;
  const keep = g === 4 ? 0xffffffff : (1 << (8 * g)) - 1;
  return { g, keep, shift: 32 - bits, heads: new Int32Array(1 << bits).fill(-1) };
}

function bucket(h: number, cls: GramClass): number {
  return Math.imul(h >>> 0, 0x9e3779b1) >>> cls.shift;
}

/** The rolling hash of a gram, as `scan` computes it at the gram's last character. */
function hashOf(gram: string): number {
  let h = 0;
  for (let i = 0; i < gram.length; i++) {
    const c = gram.charCodeAt(i);
    h = ((h << 8) | ((c ^ (c >>> 8)) & 0xff)) >>> 0;
  }
  return gram.length === 4 ? h : h & ((1 << (8 * gram.length)) - 1);
}

/** For each gram, how many literals hold it (a literal holding it twice counts once). */
function gramCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  // Which literal last counted each gram: dedupes without a set per literal.
  const last = new Map<string, number>();
  texts.forEach((t, id) => {
    const g = Math.min(t.length, 4);
    for (let i = 0; i + g <= t.length; i++) {
      const gram = t.slice(i, i + g);
      if (last.get(gram) === id) continue;
      last.set(gram, id);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  });
  return counts;
}

/** Where the gram of `text` shared by the fewest literals starts (common grams like `.exe` hit every value). */
function rarestGram(text: string, g: number, counts: Map<string, number>): number {
  let best = 0;
  let bestCount = Number.POSITIVE_INFINITY;
  for (let at = 0; at + g <= text.length; at++) {
    // Grams of four letters or digits are preferred over ones with punctuation or spaces.
    const n = (counts.get(text.slice(at, at + g)) ?? 0) + (g === 4 && alnum4(text, at) ? 0 : 0.5);
    if (n < bestCount) {
      best = at;
      bestCount = n;
    }
  }
  return best;
}

/** True when the four code units at `at` are all in [a-z0-9]. */
function alnum4(t: string, at: number): boolean {
  for (let i = at; i < at + 4; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
