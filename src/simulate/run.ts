/** Picks scenarios by test number, technique or id, and runs them (plus background) into one time-ordered stream. */
import { materialize } from './materialize.js';
import { fnv1a, int, mulberry32, pick } from './prng.js';
import { BACKGROUND_POOL, SCENARIOS } from './scenarios/index.js';
import type { ScenarioDef, SimEvent } from './types.js';

/** Options of a simulation run. */
export interface SimulateOptions {
  /** PRNG seed (default 1). */
  readonly seed?: number;
  /** Number of benign background scenario instances mixed in (default 0). */
  readonly background?: number;
}

/** Gap between the starts of consecutive selected scenarios. */
const SPACING_MS = 10 * 60_000;
/** Earliest simulated time: 2026-03-02 08:00 UTC, shifted by up to a week by the seed. */
const EPOCH = Date.UTC(2026, 2, 2, 8, 0, 0);

/**
 * Resolves a target: `all`, an atomic test (`1`, `test1`, `atomic-1`), a technique (`T1195`, `T1195.002` — attack and
 * atomic scenarios of it and its sub-techniques) or a scenario id. Returns an empty list when nothing matches.
 */
export function resolveScenarios(target: string): ScenarioDef[] {
  const t = target.trim();
  if (t.toLowerCase() === 'all') return [...SCENARIOS];
  const test = /^(?:test-?|atomic-?)?([1-9])$/i.exec(t);
  if (test) return SCENARIOS.filter((s) => s.atomic === Number(test[1]));
  if (/^T\d{4}(\.\d{3})?$/i.test(t)) {
    const tech = t.toUpperCase();
    return SCENARIOS.filter((s) => s.kind !== 'benign' && (s.technique === tech || s.technique.startsWith(`${tech}.`)));
  }
  return SCENARIOS.filter((s) => s.id === t);
}

/** Runs scenarios for a seed: each at its own start time, background instances spread over the same window. */
export function simulate(defs: readonly ScenarioDef[], opts: SimulateOptions = {}): SimEvent[] {
  const seed = (opts.seed ?? 1) >>> 0;
  const rng = mulberry32(seed ^ fnv1a('tripline-simulate'));
  const start = EPOCH + Math.floor(rng() * 7 * 86_400_000);
  const events: SimEvent[] = [];
  defs.forEach((def, i) => {
    events.push(...materialize(def, { seed, index: i, start: start + i * SPACING_MS + int(rng, 0, 30_000) }));
  });
  const span = Math.max(defs.length * SPACING_MS, 3_600_000);
  for (let j = 0; j < (opts.background ?? 0); j++) {
    const def = pick(rng, BACKGROUND_POOL);
    events.push(...materialize(def, { seed, index: 100_000 + j, start: start + Math.floor(rng() * span) }));
  }
  return events.sort((a, b) => a.time - b.time);
}
