/**
 * Simulated telemetry as the engine sees it: scenarios are simulated, rendered (Windows as evtx_dump JSON,
 * Linux as auditd text) and read back through tripline's own record mappers, in memory. Every event gets a
 * stable origin `{file: label, record: n}` so the engine and the SQL database can name the same event.
 */
import { type FormatName, renderEvents, type ScenarioDef, type SimEvent, simulate } from '../simulate/index.js';
import { AuditAssembler } from '../sources/auditd.js';
import { parseAuditLine } from '../sources/auditd-parse.js';
import type { LogEvent, SkippedRecord } from '../sources/event.js';
import { mapRecord } from '../sources/records.js';
import { makeSink } from '../sources/sink.js';
import { isSkip } from '../sources/values.js';

/** Reads rendered simulator output back into LogEvents; problems are appended to `problems`. */
export function readRendered(sim: readonly SimEvent[], label: string, problems: string[]): LogEvent[] {
  const out: LogEvent[] = [];
  const note = (s: SkippedRecord) => problems.push(`${label}: ${s.reason}`);
  for (const line of textOf(sim, 'evtx-json')) {
    const m = mapRecord(JSON.parse(line), { file: label }, {});
    if (isSkip(m)) problems.push(`${label}: ${m.skip}`);
    else out.push(m);
  }
  const assembler = new AuditAssembler(makeSink(note));
  for (const line of textOf(sim, 'auditd')) {
    const parsed = parseAuditLine(line);
    if ('skip' in parsed) problems.push(`${label}: ${parsed.skip}`);
    else out.push(...assembler.push(parsed, { file: label }));
  }
  out.push(...assembler.flush());
  return out;
}

function textOf(sim: readonly SimEvent[], format: FormatName): string[] {
  const data = renderEvents(sim, format).data;
  return (typeof data === 'string' ? data : '').split('\n').filter((l) => l.trim() !== '');
}

/** Gives events the origin `{file: label, record: first + i}` and sorts them by time (stable). */
export function numbered(events: readonly LogEvent[], label: string, first = 1): LogEvent[] {
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.timestamp ?? 0) - (b.e.timestamp ?? 0) || a.i - b.i);
  return sorted.map(({ e }, i) => Object.freeze({ ...e, origin: Object.freeze({ file: label, record: first + i }) }));
}

/** The events of one scenario for a seed, numbered from `first`. */
export function scenarioEvents(def: ScenarioDef, seed: number, problems: string[], first = 1): LogEvent[] {
  return numbered(readRendered(simulate([def], { seed }), def.id, problems), def.id, first);
}

/**
 * Exactly `count` events of benign background for a seed: background scenario instances are drawn (about three
 * events each) until at least `count` events are read back, then the earliest `count` are kept.
 */
export function backgroundEvents(count: number, seed: number, problems: string[], first = 1): LogEvent[] {
  if (count <= 0) return [];
  let instances = Math.ceil(count / 3);
  let previous = -1;
  for (;;) {
    const sim = simulate([], { seed, background: instances });
    const events = numbered(readRendered(sim, 'background', problems), 'background', first);
    // An empty background pool yields nothing however many instances are drawn.
    if (events.length >= count || events.length === previous) return events.slice(0, count);
    previous = events.length;
    instances = Math.ceil(instances * 1.5) + 1;
  }
}
