/**
 * Simulated telemetry for the try-it panel. Consumes the test ids of rules (`tripline.tests`, which name
 * scenarios of src/simulate); produces each test's events as the engine sees them: the scenario is rendered
 * as Sysmon JSON lines (Windows) or raw auditd (Linux) and read back through the real log readers, so the
 * browser runs the rule over exactly what `tripline hunt` would read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CorrelationRule, DetectionRule } from '../ir/types.js';
import { renderEvents, SCENARIOS, simulate } from '../simulate/index.js';
import { readEvents } from '../sources/index.js';
import type { SiteEvent, SiteTest } from './types.js';

type Rec = Readonly<Record<string, unknown>>;

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

/**
 * Events a rule's tests declare themselves (`tripline.tests.*[].events`): inline objects (`{fields, logsource}`
 * or flat Sigma fields under the rule's log source) or a log file relative to the rule, read by the same readers
 * as `tripline hunt`. Keyed by test id; tests without `events` are absent.
 */
export async function declaredEvents(
  rule: DetectionRule | CorrelationRule,
  block: Rec,
): Promise<Map<string, SiteEvent[]>> {
  const out = new Map<string, SiteEvent[]>();
  const tests = block.tests && typeof block.tests === 'object' ? (block.tests as Rec) : {};
  const fallback = rule.kind === 'detection' ? logsourceOf(rule) : {};
  for (const expect of ['fire', 'quiet'] as const) {
    const list = Array.isArray(tests[expect]) ? (tests[expect] as Rec[]) : [];
    for (const t of list) {
      if (!t || typeof t !== 'object' || typeof t.id !== 'string' || t.events === undefined) continue;
      const base = { test: t.id, expect } as const;
      if (Array.isArray(t.events))
        out.set(
          t.id,
          t.events.slice(0, MAX_EVENTS).map((e) => inlineEvent(e as Rec, fallback, base)),
        );
      else if (typeof t.events === 'string')
        out.set(t.id, await fileEvents(resolve(dirname(rule.origin.file), t.events), base));
    }
  }
  return out;
}

function logsourceOf(rule: DetectionRule): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rule.logsource)) if (typeof v === 'string') out[k] = v;
  return out;
}

function inlineEvent(
  e: Rec,
  fallback: Readonly<Record<string, string>>,
  base: Pick<SiteEvent, 'test' | 'expect'>,
): SiteEvent {
  const nested = e && typeof e.fields === 'object' && e.fields !== null;
  return {
    ...base,
    logsource:
      nested && e.logsource && typeof e.logsource === 'object' ? (e.logsource as Record<string, string>) : fallback,
    fields: nested ? (e.fields as Record<string, unknown>) : (e ?? {}),
  };
}

async function fileEvents(file: string, base: Pick<SiteEvent, 'test' | 'expect'>): Promise<SiteEvent[]> {
  const list: SiteEvent[] = [];
  for await (const e of readEvents(file)) {
    if (list.length >= MAX_EVENTS) break;
    list.push({
      ...base,
      logsource: { ...e.logsource },
      fields: e.fields,
      ...(e.timestamp !== undefined ? { timestamp: e.timestamp } : {}),
    });
  }
  return list;
}
