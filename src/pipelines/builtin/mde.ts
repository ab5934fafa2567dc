/**
 * Microsoft Defender XDR Advanced Hunting (`mde`): Sigma log sources to Device* tables, Sysmon field
 * names to table columns. Columns follow the Advanced Hunting schema reference
 * (https://learn.microsoft.com/defender-xdr/advanced-hunting-schema-tables) and the field table in
 * ../shared/mappings; approximations are listed in docs/targets/kql.md.
 */
import type { PipelineSpec, TransformSpec } from '../types.js';

type FieldMap = Readonly<Record<string, string | readonly string[]>>;

/** The process that caused the event (every table but DeviceProcessEvents names it Initiating*). */
const ACTOR: FieldMap = {
  Image: 'InitiatingProcessFolderPath',
  CommandLine: 'InitiatingProcessCommandLine',
  User: 'InitiatingProcessAccountName',
  ProcessId: 'InitiatingProcessId',
  IntegrityLevel: 'InitiatingProcessIntegrityLevel',
  OriginalFileName: 'InitiatingProcessVersionInfoOriginalFileName',
  ParentImage: 'InitiatingProcessParentFileName',
};

/** DeviceEvents has no integrity level of the initiating process. */
const { IntegrityLevel: _noIntegrity, ...DEVICE_EVENTS_ACTOR } = ACTOR;
const NO_INTEGRITY = { IntegrityLevel: 'DeviceEvents has no integrity level column' } as const;

/** Numeric columns: Sigma writes some of their values as strings (`'4'`, `'0x3e7'`). */
const NUMERIC = [
  'ProcessId',
  'InitiatingProcessId',
  'LogonId',
  'RemotePort',
  'LocalPort',
  'InitiatingProcessParentId',
  'GrantedAccess',
];

/** DeviceProcessEvents: the created process is the row's own process, its parent is Initiating*. */
const PROCESS: FieldMap = {
  Image: 'FolderPath',
  OriginalFileName: 'ProcessVersionInfoOriginalFileName',
  CommandLine: 'ProcessCommandLine',
  User: 'AccountName',
  LogonId: 'LogonId',
  ProcessId: 'ProcessId',
  IntegrityLevel: 'ProcessIntegrityLevel',
  Description: 'ProcessVersionInfoFileDescription',
  Product: 'ProcessVersionInfoProductName',
  Company: 'ProcessVersionInfoCompanyName',
  FileVersion: 'ProcessVersionInfoProductVersion',
  Hashes: 'Hashes',
  ParentImage: 'InitiatingProcessFolderPath',
  ParentCommandLine: 'InitiatingProcessCommandLine',
  ParentProcessId: 'InitiatingProcessId',
  ParentUser: 'InitiatingProcessAccountName',
  GrandParentImage: 'InitiatingProcessParentFileName',
};

/** Registry: Sysmon TargetObject holds key and value name in one path; MDE splits them (approximation). */
const REGISTRY: FieldMap = {
  ...ACTOR,
  TargetObject: 'RegistryKey',
  Details: 'RegistryValueData',
  EventType: 'ActionType',
};

const FILE: FieldMap = { ...ACTOR, TargetFilename: 'FolderPath', Hashes: 'Hashes' };

/** Sysmon fields describing a signature or PE resource of a loaded file, which Device* tables lack. */
const NO_FILE_SIGNATURE = {
  Signed: 'signature state of loaded files is only in DeviceFileCertificateInfo (needs a join)',
  SignatureStatus: 'signature state of loaded files is only in DeviceFileCertificateInfo (needs a join)',
  Signature: 'signer names are only in DeviceFileCertificateInfo (needs a join)',
  OriginalFileName: 'DeviceImageLoadEvents has no version info of the loaded file',
  Description: 'DeviceImageLoadEvents has no version info of the loaded file',
  Product: 'DeviceImageLoadEvents has no version info of the loaded file',
  Company: 'DeviceImageLoadEvents has no version info of the loaded file',
  FileVersion: 'DeviceImageLoadEvents has no version info of the loaded file',
} as const;

/** `AdditionalFields` of a DeviceEvents row, read as a string property. */
const additional = (name: string) => `tostring(parse_json(AdditionalFields).${name})`;

/** Sysmon registry hive abbreviations to the names MDE writes in RegistryKey. */
const HIVES: readonly [string, string][] = [
  ['HKLM', 'HKEY_LOCAL_MACHINE'],
  ['HKU', 'HKEY_CURRENT_USER'],
  ['HKCU', 'HKEY_CURRENT_USER'],
  ['HKCR', 'HKEY_CLASSES_ROOT'],
];

/** Transforms writing Sysmon's hive abbreviations at the start of a registry path out in full. */
export function registryHives(field: string): TransformSpec[] {
  return HIVES.map(([short, long]) => ({ type: 'replace', field, regex: `^${short}\\\\`, replacement: `${long}\\` }));
}

/** Microsoft Defender XDR Advanced Hunting tables. */
export const MDE_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'mde',
  timestamp: 'Timestamp',
  description: 'Microsoft Defender XDR Advanced Hunting: Device* tables and their columns',
  targets: ['kql'],
  requireLogsource: true,
  strictFields: true,
  logsources: [
    { match: { category: 'process_creation' }, table: 'DeviceProcessEvents', fields: PROCESS },
    {
      match: { category: 'network_connection' },
      table: 'DeviceNetworkEvents',
      fields: {
        ...ACTOR,
        DestinationIp: 'RemoteIP',
        DestinationPort: 'RemotePort',
        DestinationHostname: 'RemoteUrl',
        SourceIp: 'LocalIP',
        SourcePort: 'LocalPort',
        Protocol: 'Protocol',
        Initiated: 'ActionType',
      },
      unsupported: { IntegrityLevel: 'kept for process tables only', OriginalFileName: 'kept for process tables only' },
    },
    {
      match: { category: 'file_event' },
      table: 'DeviceFileEvents',
      conditions: { ActionType: ['FileCreated', 'FileModified'] },
      fields: FILE,
    },
    {
      match: { category: 'file_change' },
      table: 'DeviceFileEvents',
      conditions: { ActionType: 'FileModified' },
      fields: FILE,
    },
    {
      match: { category: 'file_delete' },
      table: 'DeviceFileEvents',
      conditions: { ActionType: 'FileDeleted' },
      fields: FILE,
    },
    {
      match: { category: 'file_rename' },
      table: 'DeviceFileEvents',
      conditions: { ActionType: 'FileRenamed' },
      fields: { ...FILE, SourceFilename: 'PreviousFileName' },
    },
    // MDE records no plain file reads: file_access rules match any recorded event on the file (approximation).
    { match: { category: 'file_access' }, table: 'DeviceFileEvents', fields: { ...FILE, FileName: 'FolderPath' } },
    {
      match: { category: 'image_load' },
      table: 'DeviceImageLoadEvents',
      fields: { ...ACTOR, ImageLoaded: 'FolderPath', Hashes: 'Hashes' },
      unsupported: NO_FILE_SIGNATURE,
    },
    {
      match: { category: 'registry_set' },
      table: 'DeviceRegistryEvents',
      conditions: { ActionType: 'RegistryValueSet' },
      fields: REGISTRY,
    },
    {
      match: { category: 'registry_add' },
      table: 'DeviceRegistryEvents',
      conditions: { ActionType: 'RegistryKeyCreated' },
      fields: REGISTRY,
    },
    {
      match: { category: 'registry_delete' },
      table: 'DeviceRegistryEvents',
      conditions: { ActionType: ['RegistryKeyDeleted', 'RegistryValueDeleted'] },
      fields: REGISTRY,
    },
    { match: { category: 'registry_event' }, table: 'DeviceRegistryEvents', fields: REGISTRY },
    {
      match: { category: 'create_remote_thread' },
      table: 'DeviceEvents',
      conditions: { ActionType: 'CreateRemoteThreadApiCall' },
      fields: {
        SourceImage: 'InitiatingProcessFolderPath',
        SourceCommandLine: 'InitiatingProcessCommandLine',
        TargetImage: 'FolderPath',
      },
    },
    {
      match: { category: 'process_access' },
      table: 'DeviceEvents',
      conditions: { ActionType: 'OpenProcessApiCall' },
      // Defender records the requested mask as a decimal number: exact Sysmon hex masks compare as numbers.
      derived: { GrantedAccess: 'tolong(parse_json(AdditionalFields).DesiredAccess)' },
      fields: {
        SourceImage: 'InitiatingProcessFolderPath',
        SourceCommandLine: 'InitiatingProcessCommandLine',
        TargetImage: 'FolderPath',
        SourceUser: 'InitiatingProcessAccountName',
        GrantedAccess: 'GrantedAccess',
      },
      unsupported: {
        CallTrace: 'MDE records no call trace',
      },
    },
    {
      match: { category: 'pipe_created' },
      table: 'DeviceEvents',
      conditions: { ActionType: 'NamedPipeEvent' },
      derived: { PipeName: additional('PipeName') },
      fields: { ...DEVICE_EVENTS_ACTOR, PipeName: 'PipeName' },
      unsupported: NO_INTEGRITY,
    },
    {
      match: { category: 'dns_query' },
      table: 'DeviceEvents',
      conditions: { ActionType: 'DnsQueryResponse' },
      derived: { DnsQueryString: additional('DnsQueryString') },
      fields: { ...DEVICE_EVENTS_ACTOR, QueryName: 'DnsQueryString' },
      unsupported: {
        ...NO_INTEGRITY,
        QueryResults: 'DnsQueryResponse keeps answers as a JSON list, not the Sysmon string',
      },
    },
    {
      match: { category: 'driver_load' },
      table: 'DeviceEvents',
      conditions: { ActionType: 'DriverLoad' },
      fields: { ImageLoaded: 'FolderPath', Hashes: 'Hashes' },
    },
  ],
  unsupported: {
    CurrentDirectory: 'Defender tables have no working directory column',
    ProcessGuid: 'Defender identifies processes by DeviceId, ProcessId and creation time',
    ParentProcessGuid: 'Defender identifies processes by DeviceId, ProcessId and creation time',
  },
  transforms: [
    { type: 'hashes', field: 'Hashes', algorithms: { MD5: 'MD5', SHA1: 'SHA1', SHA256: 'SHA256' } },
    ...NUMERIC.map((field) => ({ type: 'number' as const, field })),
    { type: 'basename', field: 'FolderPath', to: 'FileName' },
    { type: 'basename', field: 'InitiatingProcessFolderPath', to: 'InitiatingProcessFileName' },
    // Only the parent's (grandparent's in DeviceProcessEvents) file name exists: `endswith '\x.exe'` or nothing.
    { type: 'basename', field: 'InitiatingProcessParentFileName', to: 'InitiatingProcessParentFileName', strict: true },
    ...registryHives('RegistryKey'),
    ...['ProcessIntegrityLevel', 'InitiatingProcessIntegrityLevel'].map((field) => ({
      type: 'value_map' as const,
      field,
      map: { 'S-1-16-4096': 'Low', 'S-1-16-8192': 'Medium', 'S-1-16-12288': 'High', 'S-1-16-16384': 'System' },
    })),
    {
      type: 'value_map',
      field: 'ActionType',
      strict: true,
      map: {
        true: ['ConnectionSuccess', 'ConnectionAttempt', 'ConnectionFailed', 'ConnectionRequest'],
        false: ['InboundConnectionAccepted', 'ListeningConnectionCreated'],
        SetValue: 'RegistryValueSet',
        CreateKey: 'RegistryKeyCreated',
        DeleteKey: 'RegistryKeyDeleted',
        DeleteValue: 'RegistryValueDeleted',
        RenameKey: 'RegistryKeyRenamed',
      },
    },
  ],
});
