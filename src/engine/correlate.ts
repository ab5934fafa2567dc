/**
 * Correlation rules over the time-ordered stream of base-rule matches. Consumes `CorrelationInput`s
 * (which rule matched, when, the event's fields and a caller-chosen reference to the event) and produces
 * `CorrelationDetection`s that list the contributing references. State is kept per correlation and group
 * only while its window is open; windows expire as time advances, so memory is bounded by open windows.
 * See docs/engine.md for the exact window semantics and the handling of out-of-order input.
 */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import type { FieldValue } from '../sources/event.js';
import { aggregate, conditionHolds, decidedEarly, type Entry, evictBefore } from './correlate-window.js';
import { scalarStrings } from './view.js';

/** One base-rule match fed to the correlator. */
export interface CorrelationInput<T> {
  readonly rule: DetectionRule;
  readonly timestamp: number;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly ref: T;
}

/** A correlation that fired: its group, time range, aggregate value and contributing events. */
export interface CorrelationDetection<T> {
  readonly correlation: CorrelationRule;
  readonly group: Readonly<Record<string, string | null>>;
  readonly first: number;
  readonly last: number;
  /** The aggregate (count, distinct count, sum, average, percentile) or, for temporal types, rules seen. */
  readonly value: number;
  readonly events: readonly T[];
}

interface Group<T> {
  readonly values: Readonly<Record<string, string | null>>;
  entries: Entry<T>[];
}

interface Active<T> {
  readonly rule: CorrelationRule;
  /** For each referenced position, the base rules it names. */
  readonly early: boolean;
  readonly groups: Map<string, Group<T>>;
  lastSweep: number;
}

/** Runs correlation rules over base-rule matches pushed in (roughly) time order. */
export class Correlator<T> {
  /** Correlations that cannot run, with the reason. */
  readonly diagnostics: Diagnostic[] = [];
  readonly #active: Active<T>[] = [];
  /** base rule -> [correlation position, referenced rule position] */
  readonly #uses = new Map<DetectionRule, [number, number][]>();
  #now = Number.NEGATIVE_INFINITY;
  /** Matches that arrived with a timestamp older than one already seen. */
  late = 0;

  constructor(correlations: readonly CorrelationRule[], detections: readonly DetectionRule[]) {
    for (const c of correlations) this.#add(c, detections, correlations);
  }

  /** The correlations that will run. */
  get correlations(): CorrelationRule[] {
    return this.#active.map((a) => a.rule);
  }

  /** True when some correlation uses matches of this rule. */
  wants(rule: DetectionRule): boolean {
    return this.#uses.has(rule);
  }

  /** Feeds one match; returns the correlations it completes (and windows it closed by advancing time). */
  push(input: CorrelationInput<T>): CorrelationDetection<T>[] {
    const out: CorrelationDetection<T>[] = [];
    const t = input.timestamp;
    if (t < this.#now) this.late++;
    else this.#now = t;
    for (const [ci, ri] of this.#uses.get(input.rule) ?? []) {
      const a = this.#active[ci];
      this.#sweep(a, out);
      this.#pushInto(a, ri, input, out);
    }
    return out;
  }

  /** Closes every open window (end of input) and returns what fires. */
  flush(): CorrelationDetection<T>[] {
    const out: CorrelationDetection<T>[] = [];
    for (const a of this.#active) {
      if (!a.early) for (const g of a.groups.values()) this.#close(a, g, out);
      a.groups.clear();
    }
    return out;
  }

  /** Number of groups with an open window (for memory statistics and tests). */
  get openGroups(): number {
    return this.#active.reduce((n, a) => n + a.groups.size, 0);
  }

  #add(c: CorrelationRule, detections: readonly DetectionRule[], all: readonly CorrelationRule[]): void {
    const bad = (msg: string): void => {
      this.diagnostics.push(report('invalid-correlation', c.origin.file, c.origin.span, msg));
    };
    const refs = c.rules.map((r) => detections.filter((d) => d.meta.id === r || d.meta.name === r));
    const chained = c.rules.filter((r) => all.some((o) => o.meta.id === r || o.meta.name === r));
    if (chained.length > 0) {
      bad(`correlation skipped: the hunt engine does not chain correlations (${chained.join(', ')})`);
      return;
    }
    const missing = c.rules.filter((_, i) => refs[i].length === 0);
    if (missing.length > 0) {
      bad(`correlation skipped: rules not loaded or not runnable: ${missing.join(', ')}`);
      return;
    }
    const early = c.type === 'temporal' || c.type === 'temporal_ordered' || decidedEarly(c.condition);
    const ci = this.#active.length;
    this.#active.push({ rule: c, early, groups: new Map(), lastSweep: Number.NEGATIVE_INFINITY });
    refs.forEach((ds, ri) => {
      for (const d of ds) this.#uses.set(d, [...(this.#uses.get(d) ?? []), [ci, ri]]);
    });
  }

  #pushInto(a: Active<T>, ri: number, input: CorrelationInput<T>, out: CorrelationDetection<T>[]): void {
    const c = a.rule;
    const ref = c.rules[ri];
    const values: Record<string, string | null> = {};
    for (const g of c.groupBy) values[g] = fieldText(input.fields, c.aliases[g]?.[ref] ?? g);
    const key = JSON.stringify(c.groupBy.map((g) => values[g]));
    let group = a.groups.get(key);
    if (!group) {
      group = { values, entries: [] };
      a.groups.set(key, group);
    }
    const aggField = c.condition.field;
    const value =
      aggField === undefined
        ? undefined
        : (fieldText(input.fields, c.aliases[aggField]?.[ref] ?? aggField) ?? undefined);
    const entry: Entry<T> = { t: input.timestamp, ref: input.ref, rule: ri, value };
    if (!a.early && group.entries.length > 0 && entry.t > group.entries[0].t + c.timespanMs) {
      this.#close(a, group, out);
      group.entries = [];
    }
    insertByTime(group.entries, entry);
    if (a.early) this.#decideEarly(a, key, group, out);
  }

  #decideEarly(a: Active<T>, key: string, group: Group<T>, out: CorrelationDetection<T>[]): void {
    const c = a.rule;
    const last = group.entries[group.entries.length - 1].t;
    evictBefore(group.entries, last - c.timespanMs);
    const picked = c.type === 'temporal_ordered' ? orderedSubsequence(group.entries, c.rules.length) : group.entries;
    if (!picked) return;
    const value = c.type.startsWith('temporal')
      ? new Set(picked.map((e) => e.rule)).size
      : aggregate(c.type, c.condition, picked);
    const needed =
      c.type.startsWith('temporal') && !hasBounds(c) ? value === c.rules.length : conditionHolds(c.condition, value);
    if (!needed) return;
    out.push(detection(c, group, picked, value));
    a.groups.delete(key);
  }

  #close(a: Active<T>, group: Group<T>, out: CorrelationDetection<T>[]): void {
    if (group.entries.length === 0) return;
    const value = aggregate(a.rule.type, a.rule.condition, group.entries);
    if (conditionHolds(a.rule.condition, value)) out.push(detection(a.rule, group, group.entries, value));
  }

  /** Expires windows that ended before the current time (at most once per timespan of stream time). */
  #sweep(a: Active<T>, out: CorrelationDetection<T>[]): void {
    const span = a.rule.timespanMs;
    if (this.#now - a.lastSweep < span) return;
    a.lastSweep = this.#now;
    for (const [key, g] of a.groups) {
      const first = g.entries[0]?.t ?? Number.NEGATIVE_INFINITY;
      const last = g.entries[g.entries.length - 1]?.t ?? Number.NEGATIVE_INFINITY;
      if (a.early && last < this.#now - span) a.groups.delete(key);
      if (!a.early && first + span < this.#now) {
        this.#close(a, g, out);
        a.groups.delete(key);
      }
    }
  }
}

function hasBounds(c: CorrelationRule): boolean {
  const k = c.condition;
  return [k.gt, k.gte, k.lt, k.lte, k.eq, k.neq].some((x) => x !== undefined);
}

function detection<T>(c: CorrelationRule, g: Group<T>, entries: readonly Entry<T>[], value: number) {
  return Object.freeze({
    correlation: c,
    group: g.values,
    first: entries[0].t,
    last: entries[entries.length - 1].t,
    value,
    events: Object.freeze(entries.map((e) => e.ref)),
  });
}

function fieldText(fields: Readonly<Record<string, FieldValue>>, name: string): string | null {
  return scalarStrings(fields[name])[0] ?? null;
}

function insertByTime<T>(entries: Entry<T>[], e: Entry<T>): void {
  let i = entries.length;
  while (i > 0 && entries[i - 1].t > e.t) i--;
  entries.splice(i, 0, e);
}

/** The earliest-completing subsequence of entries matching rules 0..n-1 in order, or undefined. */
function orderedSubsequence<T>(entries: readonly Entry<T>[], n: number): Entry<T>[] | undefined {
  const picked: Entry<T>[] = [];
  for (const e of entries) {
    if (e.rule === picked.length) picked.push(e);
    if (picked.length === n) return picked;
  }
  return undefined;
}
