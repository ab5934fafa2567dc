/**
 * Large JSON-lines files are cut into line-aligned byte ranges for the workers: reading every range and
 * renumbering lines must give exactly the events (and skipped records) of reading the whole file.
 */
import { statSync } from 'node:fs';
import { expect, test } from 'vitest';
import { lineRanges, readRangeEvents } from '../../src/engine/hunt-range.js';
import type { LogEvent, SkippedRecord } from '../../src/sources/event.js';
import { readEvents } from '../../src/sources/index.js';

const FILES = [
  'tests/fixtures/hunt/logs/security.jsonl',
  'tests/fixtures/hunt/logs/broken.jsonl',
  'tests/fixtures/logs/evtx-dump.jsonl',
];

test.each(FILES)('ranges of %s read like the whole file', async (file) => {
  const whole: LogEvent[] = [];
  const wholeSkips: SkippedRecord[] = [];
  for await (const e of readEvents(file, { onSkip: (s) => wholeSkips.push(s) })) whole.push(e);
  const size = statSync(file).size;
  for (const chunk of [1, 100, 700, size]) {
    const ranges = await lineRanges(file, size, chunk);
    expect(ranges[0].start).toBe(0);
    expect(ranges[ranges.length - 1].end).toBe(size);
    const parts: LogEvent[] = [];
    const skips: SkippedRecord[] = [];
    let base = 0;
    for (const r of ranges) {
      let lines = 0;
      const onSkip = (s: SkippedRecord): void => {
        skips.push({ ...s, line: (s.line ?? 0) + base });
      };
      const opts = { onSkip, onWarning: onSkip, onLines: (n: number) => (lines = n) };
      for await (const e of readRangeEvents(file, r, opts))
        parts.push({ ...e, origin: { ...e.origin, line: (e.origin.line ?? 0) + base } });
      base += lines;
    }
    expect(parts).toEqual(whole);
    expect(skips.map((s) => [s.line, s.offset, s.reason])).toEqual(wholeSkips.map((s) => [s.line, s.offset, s.reason]));
  }
});
