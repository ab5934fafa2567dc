/** The output formats of `tripline simulate`: one entry per format, each a renderer over the same events. */
import type { SimEvent } from '../types.js';
import { renderAuditd } from './auditd.js';
import { renderEcs } from './ecs.js';
import { renderMde } from './mde.js';
import { windowsRecords } from './windows.js';
import { renderEvtx, renderEvtxJson, renderFlatJson, renderXml } from './windows-render.js';

/** A format's output: text or bytes, and how many events it has no representation for. */
export interface Rendered {
  readonly data: string | Uint8Array;
  /** Events left out because the format cannot carry them (Linux events in Sysmon for Windows, Windows in auditd). */
  readonly omitted: number;
  /** Problems the writer reported (records dropped). */
  readonly problems: readonly string[];
}

/** What each format is, for `--help` and `--list`. */
export const FORMATS = {
  'sysmon-jsonl': 'flat Sysmon/Security JSON lines (NXLog, Hayabusa style): System fields and EventData side by side',
  'evtx-json': 'evtx_dump JSON lines: {Event: {System: {Provider: {#attributes}}, EventData}}',
  'sysmon-xml': 'Windows XML export: <Events><Event xmlns=...><System/><EventData><Data Name=...>',
  'sysmon-evtx': 'a real .evtx file (binary; needs -o)',
  mde: 'Defender XDR Advanced Hunting rows (DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents) as JSON lines',
  ecs: 'ECS JSON lines: Elastic Agent Sysmon integration (Windows), Elastic Defend (Linux)',
  auditd: 'raw audit.log lines (SYSCALL/EXECVE/CWD/PATH/PROCTITLE/EOE grouped by msg=audit(epoch:serial))',
} as const;

/** A format name. */
export type FormatName = keyof typeof FORMATS;

/** Renders events in one format (exhaustive: a new format must add its renderer here). */
export const RENDERERS: Readonly<Record<FormatName, (events: readonly SimEvent[]) => Rendered>> = {
  'sysmon-jsonl': (ev) => windowsText(ev, renderFlatJson),
  'evtx-json': (ev) => windowsText(ev, renderEvtxJson),
  'sysmon-xml': (ev) => windowsText(ev, renderXml),
  'sysmon-evtx': (ev) => {
    const { records, omitted } = windowsRecords(ev);
    const problems: string[] = [];
    return { data: renderEvtx(records, (p) => problems.push(p)), omitted, problems };
  },
  mde: (ev) => ({ data: renderMde(ev), omitted: 0, problems: [] }),
  ecs: (ev) => ({ data: renderEcs(ev), omitted: 0, problems: [] }),
  auditd: (ev) => {
    const { text, omitted } = renderAuditd(ev);
    return { data: text, omitted, problems: [] };
  },
};

function windowsText(
  events: readonly SimEvent[],
  render: (r: ReturnType<typeof windowsRecords>['records']) => string,
): Rendered {
  const { records, omitted } = windowsRecords(events);
  return { data: render(records), omitted, problems: [] };
}

/** Whether a string names a format. */
export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
