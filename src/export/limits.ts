/**
 * Limits the platforms enforce, as data: each limit has a stable name (shown in skipped.json and the summary)
 * and a check that returns the violation text. Writers run them and skip a rule that breaks one.
 */
import type { LimitError } from './types.js';

/** A named limit over some value. */
export interface Limit<T> {
  readonly name: string;
  readonly check: (value: T) => string | undefined;
}

/** Runs limits in order; the first violation, if any. */
export function firstViolation<T>(limits: readonly Limit<T>[], value: T): LimitError | undefined {
  for (const l of limits) {
    const reason = l.check(value);
    if (reason) return { limit: l.name, reason };
  }
  return undefined;
}

/** A maximum length of a text. */
export function maxLength<T>(name: string, what: string, max: number, get: (v: T) => string | undefined): Limit<T> {
  return {
    name,
    check: (v) => {
      const n = get(v)?.length ?? 0;
      return n > max ? `${what} is ${n} characters; the platform allows at most ${max}` : undefined;
    },
  };
}

/** A count range of a list. */
export function countRange<T>(name: string, what: string, min: number, max: number, get: (v: T) => number): Limit<T> {
  return {
    name,
    check: (v) => {
      const n = get(v);
      return n < min || n > max ? `${what}: ${n}; the platform allows ${min} to ${max}` : undefined;
    },
  };
}

/** A numeric range (durations in seconds are shown as such). */
export function numberRange<T>(name: string, what: string, min: number, max: number, get: (v: T) => number): Limit<T> {
  return {
    name,
    check: (v) => {
      const n = get(v);
      return Number.isFinite(n) && n >= min && n <= max ? undefined : `${what} is ${n}; allowed ${min} to ${max}`;
    },
  };
}
