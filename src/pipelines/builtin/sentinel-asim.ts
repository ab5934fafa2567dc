/**
 * Microsoft Sentinel ASIM (`sentinel-asim`): Sigma log sources to the unifying ASIM parsers and Sysmon
 * field names to ASIM schema names (https://learn.microsoft.com/azure/sentinel/normalization-about-schemas).
 * In a process event the acting process is the parent that created the target process.
 */
import type { PipelineSpec } from '../types.js';
import { registryHives } from './mde.js';

const PROCESS = {
  Image: 'TargetProcessName',
  CommandLine: 'TargetProcessCommandLine',
  ProcessId: 'TargetProcessId',
  ProcessGuid: 'TargetProcessGuid',
  CurrentDirectory: 'TargetProcessCurrentDirectory',
  IntegrityLevel: 'TargetProcessIntegrityLevel',
  OriginalFileName: 'TargetProcessFileOriginalName',
  Description: 'TargetProcessFileDescription',
  Product: 'TargetProcessFileProduct',
  Company: 'TargetProcessFileCompany',
  FileVersion: 'TargetProcessFileVersion',
  User: 'TargetUsername',
  LogonId: 'TargetUserSessionId',
  Hashes: 'Hashes',
  ParentImage: 'ActingProcessName',
  ParentCommandLine: 'ActingProcessCommandLine',
  ParentProcessId: 'ActingProcessId',
  ParentProcessGuid: 'ActingProcessGuid',
  ParentUser: 'ActorUsername',
} as const;

/** The process behind a file, registry, network or DNS event. */
const ACTOR = {
  Image: 'ActingProcessName',
  CommandLine: 'ActingProcessCommandLine',
  ProcessId: 'ActingProcessId',
  ProcessGuid: 'ActingProcessGuid',
  User: 'ActorUsername',
} as const;

const FILE = { ...ACTOR, TargetFilename: 'TargetFilePath', SourceFilename: 'SrcFilePath' } as const;
const REGISTRY = {
  ...ACTOR,
  TargetObject: 'RegistryKey',
  Details: 'RegistryValueData',
  EventType: 'EventType',
  NewName: 'RegistryKey',
} as const;

/** Sentinel ASIM parsers and schema field names. */
export const SENTINEL_ASIM_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'sentinel-asim',
  timestamp: 'TimeGenerated',
  description: 'Microsoft Sentinel ASIM: unifying parsers (_Im_ProcessCreate, _Im_FileEvent...) and ASIM field names',
  targets: ['kql'],
  requireLogsource: true,
  strictFields: true,
  logsources: [
    { match: { category: 'process_creation' }, table: '_Im_ProcessCreate', fields: PROCESS },
    {
      match: { category: 'network_connection' },
      table: '_Im_NetworkSession',
      fields: {
        Image: 'SrcProcessName',
        User: 'SrcUsername',
        DestinationIp: 'DstIpAddr',
        DestinationPort: 'DstPortNumber',
        DestinationHostname: 'DstHostname',
        SourceIp: 'SrcIpAddr',
        SourcePort: 'SrcPortNumber',
        SourceHostname: 'SrcHostname',
        Protocol: 'NetworkProtocol',
        Initiated: 'NetworkDirection',
      },
    },
    {
      match: { category: 'file_event' },
      table: '_Im_FileEvent',
      conditions: { EventType: ['FileCreated', 'FileModified'] },
      fields: FILE,
    },
    {
      match: { category: 'file_change' },
      table: '_Im_FileEvent',
      conditions: { EventType: 'FileModified' },
      fields: FILE,
    },
    {
      match: { category: 'file_delete' },
      table: '_Im_FileEvent',
      conditions: { EventType: 'FileDeleted' },
      fields: FILE,
    },
    {
      match: { category: 'file_rename' },
      table: '_Im_FileEvent',
      conditions: { EventType: 'FileRenamed' },
      fields: FILE,
    },
    {
      match: { category: 'file_access' },
      table: '_Im_FileEvent',
      conditions: { EventType: 'FileAccessed' },
      fields: { ...FILE, FileName: 'TargetFilePath' },
    },
    {
      match: { category: 'registry_set' },
      table: '_Im_RegistryEvent',
      conditions: { EventType: 'RegistryValueSet' },
      fields: REGISTRY,
    },
    {
      match: { category: 'registry_add' },
      table: '_Im_RegistryEvent',
      conditions: { EventType: 'RegistryKeyCreated' },
      fields: REGISTRY,
    },
    {
      match: { category: 'registry_delete' },
      table: '_Im_RegistryEvent',
      conditions: { EventType: ['RegistryKeyDeleted', 'RegistryValueDeleted'] },
      fields: REGISTRY,
    },
    {
      match: { category: 'registry_rename' },
      table: '_Im_RegistryEvent',
      conditions: { EventType: 'RegistryKeyRenamed' },
      fields: REGISTRY,
    },
    { match: { category: 'registry_event' }, table: '_Im_RegistryEvent', fields: REGISTRY },
    {
      match: { category: 'dns_query' },
      table: '_Im_Dns',
      fields: {
        Image: 'SrcProcessName',
        QueryName: 'DnsQuery',
        QueryStatus: 'DnsResponseCodeName',
        QueryResults: 'DnsResponseName',
      },
    },
  ],
  transforms: [
    // ASIM writes full root key names (HKEY_LOCAL_MACHINE\...), like Defender.
    ...registryHives('RegistryKey'),
    {
      type: 'hashes',
      field: 'Hashes',
      algorithms: {
        MD5: 'TargetProcessMD5',
        SHA1: 'TargetProcessSHA1',
        SHA256: 'TargetProcessSHA256',
        IMPHASH: 'TargetProcessIMPHASH',
      },
    },
    {
      type: 'value_map',
      field: 'EventType',
      strict: true,
      map: {
        SetValue: 'RegistryValueSet',
        CreateKey: 'RegistryKeyCreated',
        DeleteKey: 'RegistryKeyDeleted',
        DeleteValue: 'RegistryValueDeleted',
        RenameKey: 'RegistryKeyRenamed',
      },
    },
    { type: 'value_map', field: 'NetworkDirection', strict: true, map: { true: 'Outbound', false: 'Inbound' } },
    {
      type: 'value_map',
      field: 'TargetProcessIntegrityLevel',
      map: { 'S-1-16-4096': 'Low', 'S-1-16-8192': 'Medium', 'S-1-16-12288': 'High', 'S-1-16-16384': 'System' },
    },
  ],
});
