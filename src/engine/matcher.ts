/**
 * Matches events against many compiled rules: routes each event to the rules of its log source (computed
 * once per distinct event log source), asks the literal index which of those can match, and evaluates only
 * those plus the rules without a usable literal. Results are rule indices in ascending order.
 */
import type { LogEvent } from '../sources/event.js';
import type { CompiledRule } from './compile.js';
import { LiteralIndex } from './index-literals.js';
import { logsourceAccepts, logsourceKey } from './route.js';
import { EventView } from './view.js';

/** Rules in scope for one event log source. */
interface Route {
  /** Rules of this route that have no requirement: always evaluated. */
  readonly always: Int32Array;
  /** 1 for rules of this route. */
  readonly member: Uint8Array;
  readonly size: number;
}

/** Options of a matcher. */
export interface MatcherOptions {
  /** Use the literal prefilter index (default true); false evaluates every routed rule (for testing). */
  readonly index?: boolean;
}

/** Matches events against a fixed list of compiled rules. */
export class RuleMatcher {
  /** The rules, in the order results refer to. */
  readonly rules: readonly CompiledRule[];
  readonly #index: LiteralIndex | undefined;
  readonly #routes = new Map<string, Route>();
  readonly #stamp: Int32Array;
  #epoch = 0;
  /** Rules evaluated so far (for statistics). */
  evaluated = 0;

  constructor(rules: readonly CompiledRule[], opts: MatcherOptions = {}) {
    this.rules = rules;
    this.#index = opts.index === false ? undefined : new LiteralIndex(rules);
    this.#stamp = new Int32Array(rules.length);
  }

  /** Indices of the rules matching the event, ascending. */
  match(event: LogEvent): number[] {
    const route = this.#route(event);
    if (route.size === 0) return [];
    const view = new EventView(event);
    const out: number[] = [];
    const index = this.#index;
    if (!index) {
      for (let i = 0; i < this.rules.length; i++) if (route.member[i] === 1) this.#eval(i, view, out);
      return out;
    }
    const epoch = ++this.#epoch;
    const stamp = this.#stamp;
    for (const i of route.always) {
      stamp[i] = epoch;
      this.#eval(i, view, out);
    }
    index.hits(view, (i) => {
      if (route.member[i] === 1 && stamp[i] !== epoch) {
        stamp[i] = epoch;
        this.#eval(i, view, out);
      }
    });
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  /** Indices of the rules an event with this log source is routed to. */
  routed(event: LogEvent): number[] {
    const r = this.#route(event);
    const out: number[] = [];
    for (let i = 0; i < r.member.length; i++) if (r.member[i] === 1) out.push(i);
    return out;
  }

  #eval(i: number, view: EventView, out: number[]): void {
    this.evaluated++;
    if (this.rules[i].test(view)) out.push(i);
  }

  #route(event: LogEvent): Route {
    const key = logsourceKey(event.logsource);
    let r = this.#routes.get(key);
    if (!r) {
      const member = new Uint8Array(this.rules.length);
      const always: number[] = [];
      this.rules.forEach((c, i) => {
        if (!logsourceAccepts(c.rule.logsource, event.logsource)) return;
        member[i] = 1;
        if (c.requirement === undefined) always.push(i);
      });
      r = { member, always: Int32Array.from(always), size: member.reduce((n, m) => n + m, 0) };
      this.#routes.set(key, r);
    }
    return r;
  }
}
