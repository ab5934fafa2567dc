/**
 * CrowdStrike Falcon events in LogScale (`falcon`): Sigma categories become `#event_simpleName` event
 * types with `event_platform`, fields become Falcon's names. Falcon logs only the parent's file name and
 * NT device paths (`\Device\HarddiskVolume3\...`), so ParentImage works only as `endswith '\x.exe'` and
 * drive-letter paths are rewritten. Facts: ../shared/mappings/field_mapping_sigma_to_backends.csv.
 */
import type { PipelineSpec } from '../types.js';

const PROCESS_FIELDS = {
  Image: 'ImageFileName',
  OriginalFileName: 'OriginalFilename',
  CommandLine: 'CommandLine',
  ParentImage: 'ParentImagePath',
  User: 'UserName',
  ProcessId: 'RawProcessId',
  ProcessGuid: 'TargetProcessId',
  IntegrityLevel: 'IntegrityLevel',
  Hashes: 'Hashes',
  md5: 'MD5HashData',
  sha1: 'SHA1HashData',
  sha256: 'SHA256HashData',
} as const;

const NO_PARENT_COMMAND = 'Falcon ProcessRollup2 events carry no parent command line';

/** Falcon Data Replicator / LogScale event types and field names. */
export const FALCON_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'falcon',
  description: 'CrowdStrike Falcon events in LogScale: #event_simpleName scoping and Falcon field names',
  targets: ['logscale'],
  requireLogsource: true,
  strictFields: true,
  logsources: [
    {
      match: { category: 'process_creation', product: 'windows' },
      conditions: { '#event_simpleName': 'ProcessRollup2', event_platform: 'Win' },
      fields: PROCESS_FIELDS,
      unsupported: {
        ParentCommandLine: NO_PARENT_COMMAND,
        CurrentDirectory: 'not in ProcessRollup2',
        Company: 'not in ProcessRollup2',
        Product: 'not in ProcessRollup2',
        Description: 'not in ProcessRollup2',
      },
    },
    {
      match: { category: 'process_creation', product: 'linux' },
      conditions: { '#event_simpleName': 'ProcessRollup2', event_platform: 'Lin' },
      fields: PROCESS_FIELDS,
      unsupported: { ParentCommandLine: NO_PARENT_COMMAND, CurrentDirectory: 'not in ProcessRollup2' },
    },
    {
      match: { category: 'network_connection', product: 'windows' },
      conditions: { '#event_simpleName': ['NetworkConnectIP4', 'NetworkReceiveAcceptIP4'], event_platform: 'Win' },
      fields: {
        Image: 'ContextImagePath',
        DestinationIp: 'RemoteAddressIP4',
        DestinationPort: 'RemotePort',
        SourceIp: 'LocalAddressIP4',
        SourcePort: 'LocalPort',
        Protocol: 'Protocol',
        // Direction is the event type: outbound connections are NetworkConnectIP4 (value map below).
        Initiated: '#event_simpleName',
      },
      unsupported: {
        DestinationHostname: 'Falcon network events carry no host name (join DnsRequest)',
        User: 'not in network events',
      },
    },
    {
      match: { category: 'dns_query', product: 'windows' },
      conditions: { '#event_simpleName': 'DnsRequest', event_platform: 'Win' },
      fields: { QueryName: 'DomainName', Image: 'ContextImagePath', QueryResults: 'IP4Records' },
    },
    {
      match: { category: 'image_load', product: 'windows' },
      conditions: { '#event_simpleName': 'ClassifiedModuleLoad', event_platform: 'Win' },
      fields: {
        Image: 'TargetImageFileName',
        ImageLoaded: 'ImageFileName',
        Hashes: 'Hashes',
        sha256: 'SHA256HashData',
        md5: 'MD5HashData',
      },
      unsupported: {
        Signed: 'Falcon module loads carry no signature state',
        Signature: 'not in ClassifiedModuleLoad',
        SignatureStatus: 'not in ClassifiedModuleLoad',
      },
    },
    {
      match: { category: 'file_event', product: 'windows' },
      conditions: {
        '#event_simpleName': ['NewExecutableWritten', 'PeFileWritten', 'NewScriptWritten'],
        event_platform: 'Win',
      },
      fields: { TargetFilename: 'TargetFileName', Image: 'ContextImagePath' },
    },
  ],
  transforms: [
    {
      type: 'value_map',
      field: '#event_simpleName',
      map: { true: 'NetworkConnectIP4', false: 'NetworkReceiveAcceptIP4' },
      strict: true,
    },
    {
      type: 'hashes',
      field: 'Hashes',
      algorithms: { MD5: 'MD5HashData', SHA1: 'SHA1HashData', SHA256: 'SHA256HashData' },
    },
    { type: 'basename', field: 'ParentImagePath', to: 'ParentBaseFileName', strict: true },
    { type: 'basename', field: 'ContextImagePath', to: 'ContextBaseFileName', strict: true },
    { type: 'device_path', field: 'ImageFileName' },
    { type: 'device_path', field: 'TargetImageFileName' },
    { type: 'device_path', field: 'TargetFileName' },
  ],
});
