/**
 * Simulated telemetry for the try-it panel. Consumes the test ids of rules (`tripline.tests`, which name
 * scenarios of src/simulate); produces each test's events as the engine sees them: the scenario is rendered
 * as Sysmon JSON lines (Windows) or raw auditd (Linux) and read back through the real log readers, so the
 * browser runs the rule over exactly what `tripline hunt` would read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderEvents, SCENARIOS, simulate } from '../simulate/index.js';
import { readEvents } from '../sources/index.js';
import type { SiteEvent, SiteTest } from './types.js';

/** Most events kept per test (a scenario's process tree plus its file and network events). */
const MAX_EVENTS = 40;

/** Events per scenario id for the given tests (unknown ids are skipped; the checks report them). */
export async function simulateTests(tests: readonly SiteTest[], seed = 1): Promise<Map<string, SiteEvent[]>> {
  const out = new Map<string, SiteEvent[]>();
  const dir = mkdtempSync(join(tmpdir(), 'tripline-site-sim-'));
  try {
    for (const test of tests) {
      if (out.has(test.id)) continue;
      const def = SCENARIOS.find((s) => s.id === test.id);
      if (!def) continue;
      const events = simulate([def], { seed });
      const format = def.platform === 'linux' ? 'auditd' : 'sysmon-jsonl';
      const file = join(dir, `${out.size}.${format === 'auditd' ? 'log' : 'jsonl'}`);
      const { data } = renderEvents(events, format);
      writeFileSync(file, data);
      const list: SiteEvent[] = [];
      for await (const e of readEvents(file)) {
        if (list.length >= MAX_EVENTS) break;
        list.push({
          test: test.id,
          expect: test.expect,
          logsource: { ...e.logsource },
          fields: e.fields,
          ...(e.timestamp !== undefined ? { timestamp: e.timestamp } : {}),
        });
      }
      out.set(test.id, list);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
