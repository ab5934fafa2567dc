/** Node only: the V8 heap setting `tripline hunt` runs with (bench/hunt.mjs applies it too). */
import v8 from 'node:v8';

/**
 * Largest young-generation semi-space for hunting, in MB (V8's default is 16 on 64-bit). Readers make many
 * short-lived objects per event; with room for more of them, fewer survive into the old generation.
 * Measured with bench/hunt.mjs on the 2-vCPU machine of docs/benchmarks.md: EVTX hunting with the 2,400
 * SigmaHQ Windows rules went from ~48,800 to ~55,000-56,000 events/s (64 MB: no better), JSON lines
 * unchanged, and the peak RSS of the 2 GB JSON-lines hunt unchanged (~260 MB).
 */
export const HUNT_SEMI_SPACE_MB = 32;

/** Applies the hunting heap setting to this process; call it before the hunt allocates. */
export function configureHuntHeap(): void {
  v8.setFlagsFromString(`--max-semi-space-size=${HUNT_SEMI_SPACE_MB}`);
}
