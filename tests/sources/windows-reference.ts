/**
 * Test oracle: the Windows record mapping as it was before the single-object rewrite (three objects and a
 * spread), kept verbatim in behaviour so the fast mapping can be compared with it on any record. It shares
 * the data tables (numeric System fields, 4688 renames) with the code under test; only the walk is its own.
 */
import type { EventOrigin, FieldValue } from '../../src/sources/event.js';
import {
  isObject,
  type JsonObject,
  type Mapped,
  makeEvent,
  parseTimestamp,
  text,
  toFieldValue,
  toNumber,
} from '../../src/sources/values.js';
import { NUMERIC_SYSTEM, SECURITY_4688_RENAMES } from '../../src/sources/windows.js';
import { channelService, windowsCategory } from '../../src/sources/windows-tables.js';

function unwrapText(v: unknown): unknown {
  return isObject(v) && '#text' in v ? v['#text'] : v;
}

/** The old systemFields (attribute names built as `<element>_<attribute>`). */
function systemFields(system: JsonObject): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const key in system) {
    if (!Object.hasOwn(system, key)) continue;
    const value = system[key];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string' || typeof value === 'number') {
      out[key] = value;
      continue;
    }
    if (!isObject(value)) {
      out[key] = toFieldValue(value);
      continue;
    }
    const attrs = value['#attributes'];
    if (isObject(attrs)) {
      for (const a in attrs) {
        if (!Object.hasOwn(attrs, a)) continue;
        const x = attrs[a];
        if (x === null || x === '') continue;
        out[`${key}_${a}`] = typeof x === 'string' ? x : toFieldValue(x);
      }
    }
    if ('#text' in value) out[key] = toFieldValue(value['#text']);
  }
  return out;
}

function namedDataRows(rows: readonly unknown[], out: Record<string, FieldValue>): boolean {
  const named = rows.every((r) => isObject(r) && isObject(r['#attributes']) && 'Name' in r['#attributes']);
  if (!named || rows.length === 0) return false;
  for (const r of rows as JsonObject[])
    out[String((r['#attributes'] as JsonObject).Name)] = toFieldValue(r['#text'] ?? '');
  return true;
}

function eventDataFields(data: unknown, out: Record<string, FieldValue>): void {
  if (!isObject(data)) return;
  for (const key in data) {
    if (!Object.hasOwn(data, key) || key === '#attributes') continue;
    const raw = data[key];
    if (typeof raw === 'string' || typeof raw === 'number') {
      out[key] = raw;
      continue;
    }
    const value = unwrapText(raw);
    if (key === 'Data' && Array.isArray(value) && namedDataRows(value, out)) continue;
    if (isObject(value)) leafFields(value, out);
    else out[key] = value === null || value === undefined ? '' : toFieldValue(value);
  }
}

function leafFields(node: unknown, out: Record<string, FieldValue>): void {
  if (!isObject(node)) return;
  for (const key in node) {
    if (!Object.hasOwn(node, key) || key === '#attributes') continue;
    const value = unwrapText(node[key]);
    if (isObject(value)) leafFields(value, out);
    else if (!(key in out)) out[key] = value === null || value === undefined ? '' : toFieldValue(value);
  }
}

function addProcessCreationNames(fields: Record<string, FieldValue>, data: Record<string, FieldValue>): void {
  for (const [from, to] of SECURITY_4688_RENAMES) if (data[from] !== undefined) fields[to] = data[from];
  const pid = toNumber(data.NewProcessId);
  const ppid = toNumber(data.ProcessId);
  if (pid !== undefined) fields.ProcessId = pid;
  if (ppid !== undefined) fields.ParentProcessId = ppid;
  const target = text(data.TargetUserName);
  const useTarget = target !== undefined && target !== '-';
  const name = useTarget ? target : text(data.SubjectUserName);
  const domain = text(useTarget ? data.TargetDomainName : data.SubjectDomainName);
  if (name !== undefined && name !== '-') fields.User = domain && domain !== '-' ? `${domain}\\${name}` : name;
}

/** The old mapEvtxJson. */
export function referenceMapEvtxJson(value: unknown, origin: EventOrigin, timestamp?: number): Mapped {
  const root = isObject(value) && isObject(value.Event) ? value.Event : value;
  if (!isObject(root) || !isObject(root.System)) return { skip: 'not a Windows event: no Event.System' };
  const system = systemFields(root.System);
  if (system.EventID === undefined) return { skip: 'Windows event without System.EventID' };
  const data: Record<string, FieldValue> = {};
  eventDataFields(root.EventData, data);
  leafFields(root.UserData, data);
  const fields: Record<string, FieldValue> = { ...data, ...system };
  for (const key of NUMERIC_SYSTEM) {
    const v = fields[key];
    if (typeof v === 'number' || !(key in system)) continue;
    const n = toNumber(v);
    if (n !== undefined) fields[key] = n;
  }
  const eventId = toNumber(system.EventID);
  const service = channelService(text(system.Channel));
  const category = windowsCategory(service, eventId, data.EventType);
  if (service === 'security' && eventId === 4688) addProcessCreationNames(fields, data);
  const record = toNumber(system.EventRecordID);
  const at = origin.record === undefined && record !== undefined ? { ...origin, record } : origin;
  const ts = timestamp ?? parseTimestamp(system.TimeCreated_SystemTime);
  return makeEvent(fields, { product: 'windows', service, category }, at, ts, text(system.Computer));
}
