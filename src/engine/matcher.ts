/**
 * Matches events against many compiled rules: routes each event to the rules of its log source (computed
 * once per distinct event log source, with a literal index over just those rules), asks the index which
 * of them can match, and evaluates only those plus the rules without a usable literal. Results are rule
 * indices in ascending order.
 */
import type { LogEvent } from '../sources/event.js';
import type { CompiledRule } from './compile.js';
import { type HitSink, LiteralIndex } from './index-literals.js';
import { logsourceAccepts, logsourceKey } from './route.js';
import { EventView } from './view.js';

/** Rules in scope for one event log source. */
interface Route {
  readonly members: Int32Array;
  /** Rules of this route that have no requirement: always evaluated. */
  readonly always: Int32Array;
  /** The literal index over this route's rules (absent when the index is off). */
  readonly index: LiteralIndex | undefined;
}

/** Options of a matcher. */
export interface MatcherOptions {
  /** Use the literal prefilter index (default true); false evaluates every routed rule (for testing). */
  readonly index?: boolean;
}

/** Matches events against a fixed list of compiled rules. */
export class RuleMatcher implements HitSink {
  /** The rules, in the order results refer to. */
  readonly rules: readonly CompiledRule[];
  readonly #useIndex: boolean;
  readonly #routes = new Map<string, Route>();
  readonly #byProduct = new Map<string, Map<string, Map<string, Route>>>();
  readonly #stamp: Int32Array;
  #epoch = 0;
  #view: EventView | undefined;
  /** The one view this matcher points at each event in turn. */
  readonly #shared = new EventView({ fields: {}, logsource: {}, origin: { file: '' } });
  #out: number[] = [];
  /** Rules evaluated so far (for statistics). */
  evaluated = 0;

  constructor(rules: readonly CompiledRule[], opts: MatcherOptions = {}) {
    this.rules = rules;
    this.#useIndex = opts.index !== false;
    this.#stamp = new Int32Array(rules.length);
  }

  /** Indices of the rules matching the event, ascending. */
  match(event: LogEvent): number[] {
    const route = this.#route(event);
    if (route.members.length === 0) return [];
    const view = this.#shared;
    view.reset(event);
    const out: number[] = [];
    if (!route.index) {
      for (const i of route.members) this.#eval(i, view, out);
      return out;
    }
    this.#epoch = (this.#epoch + 1) | 0;
    const stamp = this.#stamp;
    for (const i of route.always) {
      stamp[i] = this.#epoch;
      this.#eval(i, view, out);
    }
    this.#view = view;
    this.#out = out;
    route.index.hits(view, this);
    this.#view = undefined;
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  /** Candidate from the literal index: evaluated once per event. */
  hit(i: number): void {
    if (this.#stamp[i] === this.#epoch) return;
    this.#stamp[i] = this.#epoch;
    if (this.#view) this.#eval(i, this.#view, this.#out);
  }

  /** Indices of the rules an event with this log source is routed to. */
  routed(event: LogEvent): number[] {
    return [...this.#route(event).members];
  }

  /** The same object for every event this matcher routes alike (to notice new log sources cheaply). */
  routeOf(event: LogEvent): object {
    return this.#route(event);
  }

  #eval(i: number, view: EventView, out: number[]): void {
    this.evaluated++;
    if (this.rules[i].test(view)) out.push(i);
  }

  #route(event: LogEvent): Route {
    // Three map lookups by the (usually constant, so pre-hashed) key strings: no key string per event.
    const ls = event.logsource;
    let byCategory = this.#byProduct.get(ls.product ?? '');
    if (!byCategory) {
      byCategory = new Map();
      this.#byProduct.set(ls.product ?? '', byCategory);
    }
    let byService = byCategory.get(ls.category ?? '');
    if (!byService) {
      byService = new Map();
      byCategory.set(ls.category ?? '', byService);
    }
    let r = byService.get(ls.service ?? '');
    if (!r) {
      r = this.#newRoute(event);
      byService.set(ls.service ?? '', r);
    }
    return r;
  }

  /** The route of an event log source seen for the first time (shared by equal routing keys). */
  #newRoute(event: LogEvent): Route {
    const key = logsourceKey(event.logsource);
    let r = this.#routes.get(key);
    if (!r) {
      const members: number[] = [];
      const always: number[] = [];
      this.rules.forEach((c, i) => {
        if (!logsourceAccepts(c.rule.logsource, event.logsource)) return;
        members.push(i);
        if (c.requirement === undefined) always.push(i);
      });
      const index = this.#useIndex && members.length > 0 ? new LiteralIndex(this.rules, members) : undefined;
      r = { members: Int32Array.from(members), always: Int32Array.from(always), index };
      this.#routes.set(key, r);
    }
    return r;
  }
}
