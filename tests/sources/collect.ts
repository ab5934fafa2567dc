/** Test helper: read a file to arrays of events, skips and warnings. */
import type { LogEvent, SkippedRecord } from '../../src/sources/event.js';
import { type ReadOptions, readEvents } from '../../src/sources/index.js';

/** Everything one read produced. */
export interface Collected {
  readonly events: LogEvent[];
  readonly skips: SkippedRecord[];
  readonly warnings: SkippedRecord[];
}

/** Reads `path` fully, collecting skips and warnings separately. */
export async function collect(path: string, opts: Omit<ReadOptions, 'onSkip' | 'onWarning'> = {}): Promise<Collected> {
  const skips: SkippedRecord[] = [];
  const warnings: SkippedRecord[] = [];
  const events: LogEvent[] = [];
  for await (const e of readEvents(path, {
    ...opts,
    onSkip: (s) => skips.push(s),
    onWarning: (w) => warnings.push(w),
  })) {
    events.push(e);
  }
  return { events, skips, warnings };
}

/** Path of a fixture under tests/fixtures/logs. */
export function fixture(name: string): string {
  return new URL(`../fixtures/logs/${name}`, import.meta.url).pathname;
}
