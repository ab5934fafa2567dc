/**
 * Google SecOps UDM (`secops-udm`): Sigma categories become `metadata.event_type` values, Windows
 * services `metadata.log_type = "WINEVTLOG"`, cloud products their log types; Sigma fields become UDM
 * paths (https://cloud.google.com/chronicle/docs/reference/udm-field-list, facts in
 * ../shared/mappings/field_mapping_sigma_to_backends.csv). A field without a UDM mapping is read from
 * `additional.fields["<name>"]`, where Chronicle parsers keep vendor fields they do not map; the yaral
 * target warns about each one.
 */
import type { LogsourceSpec, PipelineSpec } from '../types.js';

const ET = 'metadata.event_type';

const PROCESS = {
  Image: 'target.process.file.full_path',
  CommandLine: 'target.process.command_line',
  ParentImage: 'principal.process.file.full_path',
  ParentCommandLine: 'principal.process.command_line',
  GrandparentImage: 'principal.process.parent_process.file.full_path',
  OriginalFileName: 'target.process.file.names',
  User: 'target.user.userid',
  ParentUser: 'principal.user.userid',
  ProcessId: 'target.process.pid',
  ParentProcessId: 'principal.process.pid',
  ProcessGuid: 'target.process.product_specific_process_id',
  ParentProcessGuid: 'principal.process.product_specific_process_id',
  IntegrityLevel: 'target.process.integrity_level_rid',
  md5: 'target.process.file.md5',
  sha1: 'target.process.file.sha1',
  sha256: 'target.process.file.sha256',
  Hashes: 'process_hashes',
} as const;

/** Fields of events caused by a process (the actor is the principal). */
const ACTOR = {
  Image: 'principal.process.file.full_path',
  CommandLine: 'principal.process.command_line',
  ProcessId: 'principal.process.pid',
  User: 'principal.user.userid',
} as const;

const NETWORK = {
  ...ACTOR,
  DestinationIp: 'target.ip',
  DestinationPort: 'target.port',
  DestinationHostname: 'target.hostname',
  SourceIp: 'principal.ip',
  SourcePort: 'principal.port',
  SourceHostname: 'principal.hostname',
  Protocol: 'network.ip_protocol',
  Initiated: 'network.direction',
} as const;

const DNS = {
  ...ACTOR,
  QueryName: 'network.dns.questions.name',
  QueryResults: 'network.dns.answers.data',
  QueryStatus: 'network.dns.response_code',
} as const;

const FILE = { ...ACTOR, TargetFilename: 'target.file.full_path', Hashes: 'file_hashes' } as const;

const REGISTRY = {
  ...ACTOR,
  TargetObject: 'target.registry.registry_key',
  Details: 'target.registry.registry_value_data',
} as const;

const CROSS_PROCESS = {
  SourceImage: 'principal.process.file.full_path',
  SourceProcessId: 'principal.process.pid',
  TargetImage: 'target.process.file.full_path',
  TargetProcessId: 'target.process.pid',
  SourceUser: 'principal.user.userid',
  TargetUser: 'target.user.userid',
} as const;

const WINDOWS_SERVICE = {
  TargetUserName: 'target.user.userid',
  TargetUserSid: 'target.user.windows_sid',
  TargetDomainName: 'target.administrative_domain',
  SubjectUserName: 'principal.user.userid',
  SubjectUserSid: 'principal.user.windows_sid',
  SubjectDomainName: 'principal.administrative_domain',
  IpAddress: 'principal.ip',
  IpPort: 'principal.port',
  WorkstationName: 'principal.hostname',
} as const;

/** Sigma category -> UDM event type(s) and field map. */
const CATEGORIES: readonly [string, string | readonly string[], Readonly<Record<string, string>>][] = [
  ['process_creation', 'PROCESS_LAUNCH', PROCESS],
  ['process_termination', 'PROCESS_TERMINATION', PROCESS],
  ['network_connection', 'NETWORK_CONNECTION', NETWORK],
  ['firewall', 'NETWORK_CONNECTION', NETWORK],
  ['dns_query', 'NETWORK_DNS', DNS],
  ['dns', 'NETWORK_DNS', DNS],
  ['file_event', 'FILE_CREATION', FILE],
  ['file_delete', 'FILE_DELETION', FILE],
  ['file_change', 'FILE_MODIFICATION', FILE],
  ['file_rename', 'FILE_MOVE', FILE],
  ['file_access', 'FILE_OPEN', FILE],
  ['image_load', 'PROCESS_MODULE_LOAD', { ...FILE, ImageLoaded: 'target.file.full_path' }],
  ['driver_load', 'PROCESS_MODULE_LOAD', { ...FILE, ImageLoaded: 'target.file.full_path' }],
  ['registry_add', 'REGISTRY_CREATION', REGISTRY],
  ['registry_set', 'REGISTRY_MODIFICATION', REGISTRY],
  ['registry_delete', 'REGISTRY_DELETION', REGISTRY],
  ['registry_rename', 'REGISTRY_MODIFICATION', REGISTRY],
  ['registry_event', ['REGISTRY_CREATION', 'REGISTRY_MODIFICATION', 'REGISTRY_DELETION'], REGISTRY],
  ['process_access', 'PROCESS_OPEN', CROSS_PROCESS],
  ['create_remote_thread', 'PROCESS_INJECTION', CROSS_PROCESS],
  [
    'proxy',
    'NETWORK_HTTP',
    {
      'c-uri': 'target.url',
      'cs-host': 'target.hostname',
      'c-useragent': 'network.http.user_agent',
      'cs-method': 'network.http.method',
      'c-ip': 'principal.ip',
    },
  ],
  [
    'webserver',
    'NETWORK_HTTP',
    {
      'cs-uri-query': 'target.url',
      'cs-uri-stem': 'target.url',
      'cs-user-agent': 'network.http.user_agent',
      'cs-method': 'network.http.method',
      'c-ip': 'principal.ip',
    },
  ],
];

/** Sigma product -> Chronicle log type, for rules without a mapped category. */
const LOG_TYPES: Readonly<Record<string, string>> = {
  windows: 'WINEVTLOG',
  linux: 'AUDITD',
  aws: 'AWS_CLOUDTRAIL',
  azure: 'AZURE_AD',
  gcp: 'GCP_CLOUDAUDIT',
  okta: 'OKTA',
  m365: 'OFFICE_365',
  github: 'GITHUB',
  zeek: 'BRO_JSON',
};

function logsources(): LogsourceSpec[] {
  const categories = CATEGORIES.map(
    ([category, types, fields]): LogsourceSpec => ({ match: { category }, conditions: { [ET]: types }, fields }),
  );
  const products = Object.entries(LOG_TYPES).map(
    ([product, logType]): LogsourceSpec => ({
      match: { product },
      conditions: { 'metadata.log_type': logType },
      ...(product === 'windows' ? { fields: WINDOWS_SERVICE } : {}),
    }),
  );
  return [...categories, ...products];
}

/** UDM events in Google SecOps: event types, log types and UDM field paths. */
export const SECOPS_UDM_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'secops-udm',
  description: 'Google SecOps UDM: metadata.event_type per category, log types per product, UDM field paths',
  targets: ['yaral'],
  requireLogsource: true,
  logsources: logsources(),
  fields: { EventID: 'metadata.product_event_type', Computer: 'principal.hostname', Hostname: 'principal.hostname' },
  fieldPrefix: 'additional.fields.',
  transforms: [
    {
      type: 'hashes',
      field: 'process_hashes',
      algorithms: {
        MD5: 'target.process.file.md5',
        SHA1: 'target.process.file.sha1',
        SHA256: 'target.process.file.sha256',
      },
    },
    {
      type: 'hashes',
      field: 'file_hashes',
      algorithms: { MD5: 'target.file.md5', SHA1: 'target.file.sha1', SHA256: 'target.file.sha256' },
    },
    // UDM enums: https://cloud.google.com/chronicle/docs/reference/udm-field-list#network
    { type: 'value_map', field: 'network.direction', map: { true: 'OUTBOUND', false: 'INBOUND' }, strict: true },
    {
      type: 'value_map',
      field: 'network.ip_protocol',
      map: { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', '6': 'TCP', '17': 'UDP', '1': 'ICMP' },
      strict: true,
    },
    {
      type: 'value_map',
      field: 'target.process.integrity_level_rid',
      map: {
        untrusted: '0',
        low: '4096',
        medium: '8192',
        'medium plus': '8448',
        high: '12288',
        system: '16384',
        protected: '20480',
        's-1-16-0': '0',
        's-1-16-4096': '4096',
        's-1-16-8192': '8192',
        's-1-16-8448': '8448',
        's-1-16-12288': '12288',
        's-1-16-16384': '16384',
      },
      strict: true,
    },
  ],
  timestamp: 'metadata.event_timestamp',
});
