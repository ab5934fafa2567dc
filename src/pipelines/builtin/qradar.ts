/**
 * IBM QRadar (`qradar`): log sources become `LOGSOURCETYPENAME(devicetype)` scopes (the DSM name), Windows
 * categories add the `"EventID"` custom property, and Sigma fields become QRadar normalised columns
 * (sourceip, destinationport, username...) or custom properties of the Windows / Sysmon DSM content
 * ("Process Path", "Process CommandLine", "Parent Process Path"...). Fields without a mapping pass through
 * as custom properties of the same name: create them in QRadar (Admin > Custom Event Properties) or
 * override them with your own pipeline. Facts: ../shared/mappings/field_mapping_sigma_to_backends.csv and
 * https://www.ibm.com/docs/en/qsip/7.5?topic=sources-microsoft-windows-security-event-log.
 */
import type { LogsourceSpec, PipelineSpec, ScopeValue } from '../types.js';
import { SYSMON_EVENT_IDS, WINDOWS_CATEGORY_EVENTS } from './windows-logs.js';

const WINDOWS_DSM = 'Microsoft Windows Security Event Log';

/** Sigma Windows category -> Sysmon event ids (process creation also from Security 4688). */
/** Sigma Windows category -> event ids: Sysmon's, plus Security 4688/5156 and the PowerShell channels'. */
const WINDOWS_CATEGORIES: Readonly<Record<string, ScopeValue>> = {
  ...SYSMON_EVENT_IDS,
  process_creation: [1, 4688],
  network_connection: [3, 5156],
  ...Object.fromEntries(Object.entries(WINDOWS_CATEGORY_EVENTS).map(([category, e]) => [category, e.ids])),
};

/** Sigma product/service -> QRadar DSM (log source type) name. */
const PRODUCTS: readonly [Partial<Record<'product' | 'service' | 'category', string>>, string][] = [
  [{ product: 'windows' }, WINDOWS_DSM],
  [{ product: 'linux' }, 'Linux OS'],
  [{ product: 'macos' }, 'Mac OS X'],
  [{ product: 'aws' }, 'Amazon AWS CloudTrail'],
  [{ product: 'azure' }, 'Microsoft Azure Platform'],
  [{ product: 'gcp' }, 'Google Cloud Platform Audit Logs'],
  [{ product: 'm365' }, 'Microsoft 365'],
  [{ product: 'okta' }, 'Okta Identity Management'],
  [{ product: 'github' }, 'GitHub'],
  [{ product: 'cisco' }, 'Cisco IOS'],
  [{ product: 'zeek' }, 'Zeek'],
  [{ category: 'proxy' }, 'Blue Coat SG Appliance'],
  [{ category: 'webserver' }, 'Apache HTTP Server'],
  [{ category: 'firewall' }, 'Check Point'],
];

/** Custom properties of the Windows DSM / Sysmon content extension. */
const WINDOWS_FIELDS = {
  EventID: 'EventID',
  Image: 'Process Path',
  CommandLine: 'Process CommandLine',
  ParentImage: 'Parent Process Path',
  ParentCommandLine: 'Parent Command',
  OriginalFileName: 'Original File Name',
  ProcessId: 'Process ID',
  ParentProcessId: 'Parent Process ID',
  IntegrityLevel: 'Integrity Level',
  CurrentDirectory: 'Current Directory',
  TargetFilename: 'Filename',
  ImageLoaded: 'Loaded Image',
  TargetObject: 'Registry Key',
  Details: 'Registry Value Data',
  SourceImage: 'Source Process Path',
  TargetImage: 'Target Process Path',
  GrantedAccess: 'Granted Access',
  CallTrace: 'Call Trace',
  PipeName: 'Pipe Name',
  QueryName: 'DNS Query Name',
  ScriptBlockText: 'Script Block Text',
  ServiceName: 'Service Name',
  ServiceFileName: 'Service Filename',
  ImagePath: 'Service Filename',
  LogonType: 'Logon Type',
  TargetUserName: 'Target Username',
  SubjectUserName: 'Username',
  ObjectName: 'Object Name',
  ObjectType: 'Object Type',
  AccessMask: 'Access Mask',
  ShareName: 'Share Name',
  TaskName: 'Task Name',
  Provider_Name: 'Provider Name',
  md5: 'MD5 Hash',
  sha1: 'SHA1 Hash',
  sha256: 'SHA256 Hash',
  Imphash: 'IMP Hash',
} as const;

function logsources(): LogsourceSpec[] {
  const windows = Object.entries(WINDOWS_CATEGORIES).map(
    ([category, ids]): LogsourceSpec => ({
      match: { product: 'windows', category },
      conditions: { 'LOGSOURCETYPENAME(devicetype)': WINDOWS_DSM, EventID: ids },
    }),
  );
  const others = PRODUCTS.map(
    ([match, dsm]): LogsourceSpec => ({ match, conditions: { 'LOGSOURCETYPENAME(devicetype)': dsm } }),
  );
  return [...windows, ...others];
}

/** QRadar events through the Windows / Sysmon DSM and other DSMs, with normalised columns. */
export const QRADAR_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'qradar',
  description:
    'QRadar: LOGSOURCETYPENAME(devicetype) per log source, Windows EventID and DSM custom properties, normalised columns',
  targets: ['aql'],
  logsources: logsources(),
  fields: {
    ...WINDOWS_FIELDS,
    User: 'username',
    SourceIp: 'sourceip',
    DestinationIp: 'destinationip',
    SourcePort: 'sourceport',
    DestinationPort: 'destinationport',
    IpAddress: 'sourceip',
    IpPort: 'sourceport',
    Protocol: 'protocolid',
    DestinationHostname: 'Destination Hostname',
    c_ip: 'sourceip',
    'c-ip': 'sourceip',
    'cs-uri-query': 'URL',
    'c-uri': 'URL',
    'cs-method': 'Method',
    'c-useragent': 'User Agent',
  },
  transforms: [
    {
      type: 'hashes',
      field: 'Hashes',
      algorithms: { MD5: 'MD5 Hash', SHA1: 'SHA1 Hash', SHA256: 'SHA256 Hash', IMPHASH: 'IMP Hash' },
    },
  ],
  timestamp: 'devicetime',
});
