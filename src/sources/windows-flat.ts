/**
 * Windows events in other JSON shapes, routed through windows.ts so log source and 4688 names stay in one place:
 * flat records (NXLog / Hayabusa-style `{EventID, Channel, Image, ...}`) and Winlogbeat (`winlog.event_data`).
 */

import { ecsSigmaFields } from './ecs.js';
import type { EventOrigin, FieldValue } from './event.js';
import { isObject, type JsonObject, type Mapped, parseTimestamp, pick, toFieldValue } from './values.js';
import { buildWindowsEvent, leafFields } from './windows.js';

/** Sigma System name -> the keys flat exporters use for it, first match wins. */
const FLAT_SYSTEM: ReadonlyArray<readonly [sigma: string, keys: readonly string[]]> = [
  ['EventID', ['EventID', 'EventId', 'event_id']],
  ['Channel', ['Channel', 'channel', 'LogName']],
  ['Provider_Name', ['Provider_Name', 'ProviderName', 'SourceName', 'Provider']],
  ['Computer', ['Computer', 'Hostname', 'ComputerName', 'MachineName']],
  ['EventRecordID', ['EventRecordID', 'RecordNumber', 'RecordId']],
  ['Level', ['Level']],
  ['Task', ['Task']],
  ['Keywords', ['Keywords']],
];

/** Keys that carry the event time in flat exports. */
const FLAT_TIME = ['TimeCreated', 'SystemTime', 'EventTime', '@timestamp', 'Timestamp', 'UtcTime'];

/** Winlogbeat `winlog.*` path -> Sigma System name. */
const WINLOG_SYSTEM: ReadonlyArray<readonly [path: string, sigma: string]> = [
  ['winlog.event_id', 'EventID'],
  ['winlog.channel', 'Channel'],
  ['winlog.provider_name', 'Provider_Name'],
  ['winlog.provider_guid', 'Provider_Guid'],
  ['winlog.computer_name', 'Computer'],
  ['winlog.record_id', 'EventRecordID'],
  ['winlog.task', 'Task'],
  ['winlog.opcode', 'Opcode'],
  ['winlog.keywords', 'Keywords'],
  ['winlog.version', 'Version'],
  ['winlog.process.pid', 'Execution_ProcessID'],
  ['winlog.process.thread.id', 'Execution_ThreadID'],
  ['winlog.user.identifier', 'Security_UserID'],
];

/** True when a record looks like a flat Windows event: EventID and Channel at the top level. */
export function isFlatWindows(rec: JsonObject): boolean {
  return FLAT_SYSTEM[0][1].some((k) => k in rec) && FLAT_SYSTEM[1][1].some((k) => k in rec);
}

/** Maps a flat Windows record: the System keys by alias, every other key (or nested leaf) as data. */
export function mapFlatWindows(rec: JsonObject, origin: EventOrigin): Mapped {
  const system: Record<string, FieldValue> = {};
  const used = new Set<string>();
  for (const [sigma, keys] of FLAT_SYSTEM) {
    const key = keys.find((k) => k in rec && !isObject(rec[k]));
    if (key === undefined) continue;
    system[sigma] = toFieldValue(rec[key]);
    used.add(key);
  }
  if (system.EventID === undefined) return { skip: 'flat Windows record without EventID' };
  const timeKey = FLAT_TIME.find((k) => parseTimestamp(rec[k]) !== undefined);
  const data: Record<string, FieldValue> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (!used.has(k)) rest[k] = v;
  leafFields(rest, data);
  const ts = timeKey === undefined ? undefined : parseTimestamp(rec[timeKey]);
  return buildWindowsEvent(system, data, origin, ts);
}

/** Copies `winlog.event_data` (nested, or `winlog.event_data.X` CSV columns) into `out`. */
function winlogData(rec: JsonObject, out: Record<string, FieldValue>): void {
  for (const path of ['winlog.event_data', 'winlog.user_data']) {
    const nested = pick(rec, path);
    if (isObject(nested)) leafFields(nested, out);
    const prefix = `${path}.`;
    for (const [k, v] of Object.entries(rec)) {
      if (k.startsWith(prefix) && !(k.slice(prefix.length) in out)) out[k.slice(prefix.length)] = toFieldValue(v);
    }
  }
}

/** Maps a Winlogbeat record: winlog.* as System, event_data as data, ECS fields fill what event_data lacks. */
export function mapWinlogbeat(rec: JsonObject, origin: EventOrigin): Mapped {
  const system: Record<string, FieldValue> = {};
  for (const [path, sigma] of WINLOG_SYSTEM) {
    const v = pick(rec, path);
    if (v !== undefined && v !== null) system[sigma] = toFieldValue(v);
  }
  system.EventID ??= toFieldValue(pick(rec, 'event.code') ?? null);
  system.Computer ??= toFieldValue(pick(rec, 'host.name') ?? null);
  if (system.EventID === null) return { skip: 'Winlogbeat record without winlog.event_id or event.code' };
  const data: Record<string, FieldValue> = {};
  winlogData(rec, data);
  // Winlogbeat's Sysmon module moves some event_data into ECS fields; take them back only where missing.
  for (const [k, v] of Object.entries(ecsSigmaFields(rec, undefined)))
    if (!(k in data) && k !== 'Computer') data[k] = v;
  return buildWindowsEvent(system, data, origin, parseTimestamp(pick(rec, '@timestamp')));
}
