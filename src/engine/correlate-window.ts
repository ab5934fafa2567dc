/**
 * Window state of one correlation group: the contributing matches still inside the time window, the
 * aggregate over them, and the threshold test. Pure helpers used by correlate.ts.
 */
import type { CorrelationCondition, CorrelationType } from '../ir/types.js';

/** One contributing base-rule match inside a window. */
export interface Entry<T> {
  readonly t: number;
  readonly ref: T;
  /** Index of the referenced rule in the correlation's `rules` list. */
  readonly rule: number;
  /** The aggregated field's value (value_* types), when the event had one. */
  readonly value: string | undefined;
}

/** True when every bound of the condition holds for `x`. */
export function conditionHolds(c: CorrelationCondition, x: number): boolean {
  if (c.gt !== undefined && !(x > c.gt)) return false;
  if (c.gte !== undefined && !(x >= c.gte)) return false;
  if (c.lt !== undefined && !(x < c.lt)) return false;
  if (c.lte !== undefined && !(x <= c.lte)) return false;
  if (c.eq !== undefined && x !== c.eq) return false;
  if (c.neq !== undefined && x === c.neq) return false;
  return true;
}

/**
 * True when the condition only has lower bounds (gt/gte): it can be decided as soon as it holds, on a
 * window sliding with each match. Any upper bound (lt/lte/eq/neq) needs the whole window, so it is decided
 * when the window closes.
 */
export function decidedEarly(c: CorrelationCondition): boolean {
  return c.lt === undefined && c.lte === undefined && c.eq === undefined && c.neq === undefined;
}

/** The aggregate of a window for an aggregating correlation type. */
export function aggregate<T>(type: CorrelationType, c: CorrelationCondition, entries: readonly Entry<T>[]): number {
  if (type === 'event_count') return entries.length;
  if (type === 'value_count') {
    const distinct = new Set<string>();
    for (const e of entries) if (e.value !== undefined) distinct.add(e.value);
    return distinct.size;
  }
  const nums = entries.map((e) => (e.value === undefined ? Number.NaN : Number(e.value))).filter(Number.isFinite);
  if (nums.length === 0) return Number.NaN;
  if (type === 'value_sum') return nums.reduce((a, b) => a + b, 0);
  if (type === 'value_avg') return nums.reduce((a, b) => a + b, 0) / nums.length;
  if (type === 'value_percentile') return percentile(nums, c.percentile ?? 50);
  return Number.NaN;
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(nums: readonly number[], p: number): number {
  const sorted = [...nums].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Drops entries older than `from` from the front of a time-ordered list (in place), returns how many. */
export function evictBefore<T>(entries: Entry<T>[], from: number): number {
  let n = 0;
  while (n < entries.length && entries[n].t < from) n++;
  if (n > 0) entries.splice(0, n);
  return n;
}
