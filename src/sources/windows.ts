/**
 * Windows events (evtx_dump / Chainsaw JSON shape) -> LogEvent with Sigma field names and log source.
 * System fields keep the XML path joined by '_' (Provider_Name, Security_UserID, Execution_ProcessID);
 * EventData and UserData leaves keep their own names. Security 4688 also gets Sysmon process_creation names.
 */
import type { EventOrigin, FieldValue, LogEvent } from './event.js';
import {
  isObject,
  type JsonObject,
  type Mapped,
  makeEvent,
  parseTimestamp,
  text,
  toFieldValue,
  toNumber,
} from './values.js';
import { channelService, windowsCategory } from './windows-tables.js';

/** One Windows event as evtx_dump / Chainsaw print it (`{ Event: { System, EventData?, UserData? } }`). */
export interface EvtxJson {
  readonly Event: {
    readonly System: JsonObject;
    readonly EventData?: unknown;
    readonly UserData?: unknown;
  };
}

/** System fields that are numbers in the event schema (XML gives them as text). */
export const NUMERIC_SYSTEM: ReadonlySet<string> = new Set([
  'EventID',
  'Version',
  'Level',
  'Task',
  'Opcode',
  'EventRecordID',
  'Execution_ProcessID',
  'Execution_ThreadID',
]);

/** Sysmon names filled from Security 4688 fields, as the pySigma windows audit pipeline maps them. */
export const SECURITY_4688_RENAMES: ReadonlyArray<readonly [from: string, to: string]> = [
  ['NewProcessName', 'Image'],
  ['ParentProcessName', 'ParentImage'],
  ['SubjectLogonId', 'LogonId'],
  ['MandatoryLabel', 'IntegrityLevel'],
];

/**
 * A key that assignment cannot store as a field (it would replace the object's prototype instead); such
 * keys never became fields, so they are skipped before they can change the fields object.
 */
const PROTO = '__proto__';

/** Unwraps evtx_dump's `{ '#attributes': ..., '#text': v }` to v. */
function unwrapText(v: unknown): unknown {
  return isObject(v) && '#text' in v ? v['#text'] : v;
}

/** `<element>_<attribute>` names of the usual System attributes, so mapping builds no new strings for them. */
const SYSTEM_ATTR_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.freeze({
  Provider: { Name: 'Provider_Name', Guid: 'Provider_Guid', EventSourceName: 'Provider_EventSourceName' },
  TimeCreated: { SystemTime: 'TimeCreated_SystemTime' },
  Execution: { ProcessID: 'Execution_ProcessID', ThreadID: 'Execution_ThreadID' },
  Security: { UserID: 'Security_UserID' },
  Correlation: { ActivityID: 'Correlation_ActivityID', RelatedActivityID: 'Correlation_RelatedActivityID' },
  EventID: { Qualifiers: 'EventID_Qualifiers' },
});

/** Flattens Event.System: `Provider: {#attributes: {Name}}` -> Provider_Name, `EventID: {#text}` -> EventID. */
export function systemFields(system: JsonObject): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const key in system) {
    if (!Object.hasOwn(system, key) || key === PROTO) continue;
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
      const names = Object.hasOwn(SYSTEM_ATTR_NAMES, key) ? SYSTEM_ATTR_NAMES[key] : undefined;
      for (const a in attrs) {
        if (!Object.hasOwn(attrs, a)) continue;
        const x = attrs[a];
        if (x === null || x === '') continue;
        const name = names !== undefined && Object.hasOwn(names, a) ? names[a] : `${key}_${a}`;
        if (name !== PROTO) out[name] = typeof x === 'string' ? x : toFieldValue(x);
      }
    }
    if ('#text' in value) out[key] = toFieldValue(value['#text']);
  }
  return out;
}

/** Named `<Data Name="X">` rows some converters keep as an array of `{#attributes: {Name}, #text}`. */
function namedDataRows(rows: readonly unknown[], out: Record<string, FieldValue>): boolean {
  const named = rows.every((r) => isObject(r) && isObject(r['#attributes']) && 'Name' in r['#attributes']);
  if (!named || rows.length === 0) return false;
  for (const r of rows as JsonObject[]) {
    const name = String((r['#attributes'] as JsonObject).Name);
    if (name !== PROTO) out[name] = toFieldValue(r['#text'] ?? '');
  }
  return true;
}

/** Adds EventData fields to `out`; unnamed `<Data>` values stay a list under `Data`. */
export function eventDataFields(data: unknown, out: Record<string, FieldValue>): void {
  if (!isObject(data)) return;
  for (const key in data) {
    if (!Object.hasOwn(data, key) || key === '#attributes' || key === PROTO) continue;
    const raw = data[key];
    // Plain text and numbers, the usual case, need no unwrapping or conversion.
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

/** Adds every leaf under `node` by its own name (UserData nests one wrapper element per event type). */
export function leafFields(node: unknown, out: Record<string, FieldValue>): void {
  if (!isObject(node)) return;
  for (const key in node) {
    if (!Object.hasOwn(node, key) || key === '#attributes' || key === PROTO) continue;
    const value = unwrapText(node[key]);
    if (isObject(value)) leafFields(value, out);
    else if (!(key in out)) out[key] = value === null || value === undefined ? '' : toFieldValue(value);
  }
}

/** Security 4688 carries process creation under its own names; add the Sysmon ones next to them. */
function addProcessCreationNames(fields: Record<string, FieldValue>, data: Readonly<Record<string, FieldValue>>): void {
  for (const [from, to] of SECURITY_4688_RENAMES) if (data[from] !== undefined) fields[to] = data[from];
  // 4688's own ProcessId is the creator (parent); NewProcessId is the new one. Both are hex ("0x1a2c").
  const pid = toNumber(data.NewProcessId);
  const ppid = toNumber(data.ProcessId);
  if (pid !== undefined) fields.ProcessId = pid;
  if (ppid !== undefined) fields.ParentProcessId = ppid;
  // Target* names the new process's account when the token differs (Windows 10+); otherwise Subject* does.
  const target = text(data.TargetUserName);
  const useTarget = target !== undefined && target !== '-';
  const name = useTarget ? target : text(data.SubjectUserName);
  const domain = text(useTarget ? data.TargetDomainName : data.SubjectDomainName);
  if (name !== undefined && name !== '-') fields.User = domain && domain !== '-' ? `${domain}\\${name}` : name;
}

/** Builds the LogEvent from System fields (Sigma names) and data fields; the one place log source is set. */
export function buildWindowsEvent(
  system: Record<string, FieldValue>,
  data: Readonly<Record<string, FieldValue>>,
  origin: EventOrigin,
  timestamp?: number,
): LogEvent {
  // System numbers in the event schema arrive as text from XML.
  for (const key of NUMERIC_SYSTEM) {
    const v = system[key];
    if (v !== undefined && typeof v !== 'number') system[key] = toNumber(v) ?? v;
  }
  // System wins over EventData: rules mean the System Level/Keywords/Computer when they name them. One
  // spread builds a fast-mode object (field stores one by one would turn it into a slow dictionary).
  const fields: Record<string, FieldValue> = { ...data, ...system };
  const eventId = toNumber(system.EventID);
  const service = channelService(text(system.Channel));
  const category = windowsCategory(service, eventId, data.EventType);
  if (service === 'security' && eventId === 4688) addProcessCreationNames(fields, data);
  const record = toNumber(system.EventRecordID);
  const at = origin.record === undefined && record !== undefined ? { ...origin, record } : origin;
  const ts = timestamp ?? parseTimestamp(system.TimeCreated_SystemTime);
  return makeEvent(fields, { product: 'windows', service, category }, at, ts, text(system.Computer));
}

/** True when EventData needs no unwrapping: only text and number values, no attributes or odd keys. */
function isPlainData(data: JsonObject): boolean {
  for (const key in data) {
    const v = data[key];
    if ((typeof v !== 'string' && typeof v !== 'number') || key === '#attributes' || key === PROTO) return false;
  }
  return true;
}

/** Maps an evtx_dump-shaped object (`{Event: {System, ...}}` or the bare `{System, ...}`) to an event. */
export function mapEvtxJson(value: unknown, origin: EventOrigin, timestamp?: number): Mapped {
  const root = isObject(value) && isObject(value.Event) ? value.Event : value;
  if (!isObject(root) || !isObject(root.System)) return { skip: 'not a Windows event: no Event.System' };
  const system = systemFields(root.System);
  if (system.EventID === undefined) return { skip: 'Windows event without System.EventID' };
  const ed = root.EventData;
  // The usual EventData (text and numbers only) is its own data: read, never copied or changed.
  if (root.UserData === undefined && isObject(ed) && isPlainData(ed))
    return buildWindowsEvent(system, ed as Readonly<Record<string, FieldValue>>, origin, timestamp);
  const data: Record<string, FieldValue> = {};
  eventDataFields(ed, data);
  leafFields(root.UserData, data);
  return buildWindowsEvent(system, data, origin, timestamp);
}
