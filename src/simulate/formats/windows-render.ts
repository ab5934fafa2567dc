/** WinRecords -> evtx_dump JSON, flat Sysmon JSON lines, Windows XML export and real EVTX bytes. */

import type { EvtxJson, EvtxObject } from '../../sources/evtx/types.js';
import { writeEvtx } from '../../sources/evtx/writer.js';
import { systemTime, type WinRecord } from './windows.js';

const XMLNS = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** The evtx_dump JSON shape of one record (`{Event: {#attributes, System, EventData}}`). */
export function toEvtxJson(r: WinRecord): EvtxJson {
  const data: EvtxObject = {};
  for (const [k, v] of r.data) data[k] = v;
  const system: EvtxObject = {
    Provider: { '#attributes': { Name: r.provider.name, Guid: r.provider.guid } },
    EventID: r.eventId,
    Version: r.version,
    Level: r.level,
    Task: r.task,
    Opcode: 0,
    Keywords: r.keywords,
    TimeCreated: { '#attributes': { SystemTime: systemTime(r.time) } },
    EventRecordID: r.recordId,
    Correlation: null,
    Execution: { '#attributes': { ProcessID: r.execPid, ThreadID: r.execTid } },
    Channel: r.channel,
    Computer: r.computer,
    Security: r.userSid === '' ? null : { '#attributes': { UserID: r.userSid } },
  };
  return { Event: { '#attributes': { xmlns: XMLNS }, System: system, EventData: data } };
}

/** evtx_dump `-o jsonl`: one event per line. */
export function renderEvtxJson(records: readonly WinRecord[]): string {
  return records.map((r) => `${JSON.stringify(toEvtxJson(r))}\n`).join('');
}

/** Flat Sysmon JSON lines (NXLog / Hayabusa style): System fields and event data side by side. */
export function renderFlatJson(records: readonly WinRecord[]): string {
  return records
    .map((r) => {
      const flat: Record<string, string | number> = {
        EventID: r.eventId,
        Channel: r.channel,
        Provider_Name: r.provider.name,
        Computer: r.computer,
        EventRecordID: r.recordId,
        TimeCreated: systemTime(r.time),
      };
      for (const [k, v] of r.data) flat[k] = v;
      return `${JSON.stringify(flat)}\n`;
    })
    .join('');
}

/** Escapes text for XML content and single-quoted attributes. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', "'": 'apos', '"': 'quot' }[c]};`);
}

/** One `<Event>` element as Windows renders it (Event Viewer "Save as XML", wevtutil qe /f:xml). */
export function eventXml(r: WinRecord): string {
  const a = (v: string | number) => xmlEscape(String(v));
  const security = r.userSid === '' ? '<Security/>' : `<Security UserID='${a(r.userSid)}'/>`;
  const system =
    `<System><Provider Name='${a(r.provider.name)}' Guid='${a(r.provider.guid)}'/><EventID>${r.eventId}</EventID>` +
    `<Version>${r.version}</Version><Level>${r.level}</Level><Task>${r.task}</Task><Opcode>0</Opcode>` +
    `<Keywords>${r.keywords}</Keywords><TimeCreated SystemTime='${systemTime(r.time)}'/>` +
    `<EventRecordID>${r.recordId}</EventRecordID><Correlation/><Execution ProcessID='${r.execPid}' ThreadID='${r.execTid}'/>` +
    `<Channel>${a(r.channel)}</Channel><Computer>${a(r.computer)}</Computer>${security}</System>`;
  const data = r.data.map(([k, v]) => `<Data Name='${a(k)}'>${a(v)}</Data>`).join('');
  return `<Event xmlns='${XMLNS}'>${system}<EventData>${data}</EventData></Event>`;
}

/** A well-formed XML document: `<Events>` holding one `<Event>` per line. */
export function renderXml(records: readonly WinRecord[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Events>\n${records.map((r) => `${eventXml(r)}\n`).join('')}</Events>\n`;
}

/** A real .evtx file (src/sources/evtx writer); record ids follow the rendered ones. */
export function renderEvtx(records: readonly WinRecord[], onProblem?: (reason: string) => void): Uint8Array {
  const items = records.map((r, i) => ({
    event: toEvtxJson({ ...r, recordId: i + 1 }),
    recordId: i + 1,
    timestamp: r.time,
  }));
  return writeEvtx(items, (p) => onProblem?.(p.reason));
}
