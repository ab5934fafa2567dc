/**
 * Microsoft Defender XDR Advanced Hunting rows (DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents,
 * DeviceImageLoadEvents, DeviceRegistryEvents) -> LogEvent with Sysmon/Sigma names. The table is taken from a
 * `Type`/`Table` column when the export has one, else inferred from ActionType. Original columns are kept.
 * Facts: shared/mappings/field_mapping_sigma_to_backends.csv, mde_advanced_hunting_schema.csv.
 */
import type { EventOrigin, FieldValue } from './event.js';
import { domainUser, type JsonObject, type Mapped, makeEvent, parseTimestamp, text, toFieldValue } from './values.js';

/** The Advanced Hunting tables this reader maps. */
export type MdeTable =
  | 'DeviceProcessEvents'
  | 'DeviceNetworkEvents'
  | 'DeviceFileEvents'
  | 'DeviceImageLoadEvents'
  | 'DeviceRegistryEvents';

/** Column -> Sigma field per table (full paths and users are added separately). */
export const MDE_FIELDS: Readonly<Record<MdeTable, ReadonlyArray<readonly [column: string, sigma: string]>>> = {
  DeviceProcessEvents: [
    ['ProcessCommandLine', 'CommandLine'],
    ['ProcessId', 'ProcessId'],
    ['InitiatingProcessCommandLine', 'ParentCommandLine'],
    ['InitiatingProcessId', 'ParentProcessId'],
    ['InitiatingProcessParentFileName', 'GrandParentImage'],
    ['ProcessIntegrityLevel', 'IntegrityLevel'],
    ['ProcessVersionInfoOriginalFileName', 'OriginalFileName'],
    ['ProcessVersionInfoCompanyName', 'Company'],
    ['ProcessVersionInfoProductName', 'Product'],
    ['ProcessVersionInfoFileDescription', 'Description'],
    ['ProcessVersionInfoProductVersion', 'FileVersion'],
    ['LogonId', 'LogonId'],
  ],
  DeviceNetworkEvents: [
    ['InitiatingProcessId', 'ProcessId'],
    ['RemoteIP', 'DestinationIp'],
    ['RemotePort', 'DestinationPort'],
    ['RemoteUrl', 'DestinationHostname'],
    ['LocalIP', 'SourceIp'],
    ['LocalPort', 'SourcePort'],
  ],
  DeviceFileEvents: [['InitiatingProcessId', 'ProcessId']],
  DeviceImageLoadEvents: [['InitiatingProcessId', 'ProcessId']],
  DeviceRegistryEvents: [
    ['InitiatingProcessId', 'ProcessId'],
    ['RegistryValueData', 'Details'],
  ],
};

/** ActionType -> [table, Sigma category]. */
const ACTIONS: Readonly<Record<string, readonly [MdeTable, string]>> = {
  ProcessCreated: ['DeviceProcessEvents', 'process_creation'],
  ConnectionSuccess: ['DeviceNetworkEvents', 'network_connection'],
  ConnectionAttempt: ['DeviceNetworkEvents', 'network_connection'],
  ConnectionFailed: ['DeviceNetworkEvents', 'network_connection'],
  ConnectionRequest: ['DeviceNetworkEvents', 'network_connection'],
  InboundConnectionAccepted: ['DeviceNetworkEvents', 'network_connection'],
  FileCreated: ['DeviceFileEvents', 'file_event'],
  FileModified: ['DeviceFileEvents', 'file_event'],
  FileRenamed: ['DeviceFileEvents', 'file_event'],
  FileDeleted: ['DeviceFileEvents', 'file_delete'],
  ImageLoaded: ['DeviceImageLoadEvents', 'image_load'],
  RegistryKeyCreated: ['DeviceRegistryEvents', 'registry_add'],
  RegistryValueSet: ['DeviceRegistryEvents', 'registry_set'],
  RegistryKeyDeleted: ['DeviceRegistryEvents', 'registry_delete'],
  RegistryValueDeleted: ['DeviceRegistryEvents', 'registry_delete'],
  RegistryKeyRenamed: ['DeviceRegistryEvents', 'registry_rename'],
};

/** Sysmon's EventType for each registry ActionType. */
const REGISTRY_EVENT_TYPES: Readonly<Record<string, string>> = {
  RegistryKeyCreated: 'CreateKey',
  RegistryValueSet: 'SetValue',
  RegistryKeyDeleted: 'DeleteKey',
  RegistryValueDeleted: 'DeleteValue',
  RegistryKeyRenamed: 'RenameKey',
};

/** Hive spellings MDE uses -> the abbreviations Sysmon writes in TargetObject. */
const HIVES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^HKEY_LOCAL_MACHINE\\/i, 'HKLM\\'],
  [/^HKEY_CURRENT_USER\\/i, 'HKU\\'],
  [/^HKEY_USERS\\/i, 'HKU\\'],
  [/^HKEY_CLASSES_ROOT\\/i, 'HKCR\\'],
];

/** True when a record looks like an Advanced Hunting row (ActionType, DeviceName and process columns). */
export function isMdeRow(rec: JsonObject): boolean {
  return 'ActionType' in rec && 'DeviceName' in rec && ('InitiatingProcessFileName' in rec || 'FolderPath' in rec);
}

/** FolderPath usually holds the file name already; join it when an export gives only the folder. */
export function fullPath(folder: unknown, file: unknown): string | undefined {
  const dir = text(folder);
  const name = text(file);
  if (dir === undefined) return name;
  if (name === undefined || dir.toLowerCase().endsWith(name.toLowerCase())) return dir;
  const sep = dir.includes('/') ? '/' : '\\';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

/** `ALGO=HEX` pairs joined as Sysmon writes Hashes. */
function hashes(rec: JsonObject, prefix: string): string | undefined {
  const parts = ['SHA1', 'MD5', 'SHA256'].flatMap((a) => {
    const v = text(rec[`${prefix}${a}`]);
    return v === undefined ? [] : [`${a}=${v.toUpperCase()}`];
  });
  return parts.length > 0 ? parts.join(',') : undefined;
}

/** The table and category of a row: an explicit Type/Table column first, then ActionType. */
function classify(rec: JsonObject): readonly [MdeTable | undefined, string | undefined] {
  const action = ACTIONS[text(rec.ActionType) ?? ''];
  const named = text(rec.Type) ?? text(rec.Table) ?? text(rec.$table);
  if (named !== undefined && named in MDE_FIELDS) {
    return [named as MdeTable, action && action[0] === named ? action[1] : undefined];
  }
  return action ?? [undefined, undefined];
}

/** Fields that depend on the table: the acting process, the object acted on, registry paths. */
function tableFields(rec: JsonObject, table: MdeTable, out: Record<string, FieldValue>): void {
  const initiating = fullPath(rec.InitiatingProcessFolderPath, rec.InitiatingProcessFileName);
  const target = fullPath(rec.FolderPath, rec.FileName);
  const initiatingUser = domainUser(rec.InitiatingProcessAccountDomain, rec.InitiatingProcessAccountName);
  const set = (k: string, v: FieldValue | undefined) => {
    if (v !== undefined && v !== '') out[k] = v;
  };
  if (table === 'DeviceProcessEvents') {
    set('Image', target);
    set('ParentImage', initiating);
    set('User', domainUser(rec.AccountDomain, rec.AccountName));
    set('ParentUser', initiatingUser);
    set('Hashes', hashes(rec, ''));
    return;
  }
  set('Image', initiating);
  set('User', initiatingUser);
  if (table === 'DeviceFileEvents') set('TargetFilename', target);
  if (table === 'DeviceImageLoadEvents') {
    set('ImageLoaded', target);
    set('Hashes', hashes(rec, ''));
  }
  if (table === 'DeviceNetworkEvents') {
    set('Protocol', text(rec.Protocol)?.toLowerCase());
    set('Initiated', rec.ActionType === 'InboundConnectionAccepted' ? 'false' : 'true');
  }
  if (table === 'DeviceRegistryEvents') registryFields(rec, set);
}

/** TargetObject with Sysmon's hive names (+ value name for value operations) and EventType. */
function registryFields(rec: JsonObject, set: (k: string, v: FieldValue | undefined) => void): void {
  let key = text(rec.RegistryKey);
  for (const [re, short] of HIVES) if (key !== undefined) key = key.replace(re, short);
  const value = text(rec.RegistryValueName);
  const action = text(rec.ActionType) ?? '';
  set('TargetObject', key !== undefined && value !== undefined && /Value/.test(action) ? `${key}\\${value}` : key);
  set('EventType', REGISTRY_EVENT_TYPES[action]);
}

/** Maps one Advanced Hunting row; columns stay under their own names next to the Sigma ones. */
export function mapMde(rec: JsonObject, origin: EventOrigin): Mapped {
  const [table, category] = classify(rec);
  const fields: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(rec)) fields[k] = toFieldValue(v);
  if (table !== undefined) {
    for (const [column, sigma] of MDE_FIELDS[table]) {
      const v = rec[column];
      if (v !== undefined && v !== null && v !== '') fields[sigma] = toFieldValue(v);
    }
    tableFields(rec, table, fields);
  }
  const host = text(rec.DeviceName);
  if (host !== undefined) fields.Computer = host;
  const image = text(fields.Image) ?? text(fields.FolderPath) ?? '';
  // MDE also covers Linux and macOS devices; a POSIX path says "not Windows" but not which one.
  const product = image.startsWith('/') ? undefined : 'windows';
  return makeEvent(fields, { product, category }, origin, parseTimestamp(rec.Timestamp), host);
}
