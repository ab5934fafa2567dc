/** Every scenario of the T1195 pack, by id; the order here is the order of `tripline simulate all`. */
import type { ScenarioDef } from '../types.js';
import { ATOMIC } from './atomic.js';
import { ATTACKS } from './attack.js';
import { BACKGROUND } from './background.js';
import { FALSE_POSITIVES } from './benign.js';

/** All scenarios: atomic tests, attacks, false-positive scenarios, background activity. */
export const SCENARIOS: readonly ScenarioDef[] = [...ATOMIC, ...ATTACKS, ...FALSE_POSITIVES, ...BACKGROUND];

/** Scenarios the background generator draws from. */
export const BACKGROUND_POOL: readonly ScenarioDef[] = SCENARIOS.filter((s) => s.background === true);

export { FP } from './fp-texts.js';
