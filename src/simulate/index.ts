/**
 * Simulation stage. Consumes scenario definitions (data in scenarios/) and a seed; produces SimEvents and renders
 * them as Sysmon JSON/XML/EVTX, Defender XDR rows, ECS or auditd text. Deterministic: same seed, same bytes.
 */
export { FORMATS, type FormatName, isFormat, RENDERERS, type Rendered } from './formats/index.js';
export { materialize, type Placement } from './materialize.js';
export { fnv1a, mulberry32 } from './prng.js';
export { resolveScenarios, type SimulateOptions, simulate } from './run.js';
export { BACKGROUND_POOL, FP, SCENARIOS } from './scenarios/index.js';
export type * from './types.js';

import { type FormatName, RENDERERS, type Rendered } from './formats/index.js';
import type { SimEvent } from './types.js';

/** Renders events in a format. */
export function renderEvents(events: readonly SimEvent[], format: FormatName): Rendered {
  return RENDERERS[format](events);
}
