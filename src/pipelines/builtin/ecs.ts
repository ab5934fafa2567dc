/**
 * Elastic Common Schema (`ecs`): Elastic Agent (Elastic Defend, Windows integration) and Winlogbeat events
 * in ECS names (https://www.elastic.co/guide/en/ecs/current/ecs-field-reference.html). A log source's
 * `table` is its ECS `event.category` (EQL's `process where`; ES|QL and Lucene add `event.category`);
 * Windows fields without an ECS name stay under `winlog.event_data.<Name>`, as the Windows integration keeps them.
 */
import type { LogsourceSpec, PipelineSpec } from '../types.js';
import { idStrings } from './sysmon-winlogbeat.js';
import { SYSMON_CHANNEL, SYSMON_EVENT_IDS, WINDOWS_CATEGORY_EVENTS, WINDOWS_CHANNELS } from './windows-logs.js';

const PROCESS = {
  Image: 'process.executable',
  OriginalFileName: 'process.pe.original_file_name',
  CommandLine: 'process.command_line',
  CurrentDirectory: 'process.working_directory',
  ParentImage: 'process.parent.executable',
  ParentCommandLine: 'process.parent.command_line',
  ParentProcessId: 'process.parent.pid',
  ParentProcessGuid: 'process.parent.entity_id',
  ProcessId: 'process.pid',
  ProcessGuid: 'process.entity_id',
  Company: 'process.pe.company',
  Description: 'process.pe.description',
  Product: 'process.pe.product',
  FileVersion: 'process.pe.file_version',
  User: 'user.name',
} as const;

const NETWORK = {
  Image: 'process.executable',
  ProcessId: 'process.pid',
  DestinationIp: 'destination.ip',
  DestinationPort: 'destination.port',
  DestinationHostname: 'destination.domain',
  SourceIp: 'source.ip',
  SourcePort: 'source.port',
  SourceHostname: 'source.domain',
  Protocol: 'network.transport',
  Initiated: 'network.direction',
  User: 'user.name',
} as const;

const FILE = { Image: 'process.executable', TargetFilename: 'file.path', User: 'user.name' } as const;
const REGISTRY = {
  Image: 'process.executable',
  TargetObject: 'registry.path',
  Details: 'registry.data.strings',
} as const;
const LIBRARY = { Image: 'process.executable', ImageLoaded: 'dll.path', User: 'user.name' } as const;
const DNS = { Image: 'process.executable', QueryName: 'dns.question.name', QueryResults: 'dns.answers.data' } as const;
const WIN = 'winlog.event_data.';

/** Sigma category -> ECS event.category, event.type and field names. */
const CATEGORIES: readonly [string, string, string | undefined, Readonly<Record<string, string>>][] = [
  ['process_creation', 'process', 'start', PROCESS],
  ['process_termination', 'process', 'end', { Image: 'process.executable', ProcessId: 'process.pid' }],
  ['network_connection', 'network', undefined, NETWORK],
  ['file_event', 'file', 'creation', FILE],
  ['file_change', 'file', 'change', FILE],
  ['file_delete', 'file', 'deletion', FILE],
  ['file_access', 'file', 'access', FILE],
  ['file_rename', 'file', 'change', FILE],
  ['registry_add', 'registry', undefined, REGISTRY],
  ['registry_delete', 'registry', 'deletion', REGISTRY],
  ['registry_set', 'registry', 'change', REGISTRY],
  ['registry_event', 'registry', undefined, REGISTRY],
  ['image_load', 'library', undefined, LIBRARY],
  ['driver_load', 'driver', undefined, { ImageLoaded: 'file.path' }],
  ['dns_query', 'network', undefined, DNS],
];

/** ECS category log sources: Windows ones keep unmapped fields under winlog.event_data; others by name. */
function categoryLogsources(): LogsourceSpec[] {
  return CATEGORIES.flatMap(([category, table, type, fields]) => [
    { match: { product: 'windows', category }, table, fieldPrefix: WIN, fields, ...scope(type) },
    { match: { category }, table, fields, ...scope(type) },
  ]);
}

function scope(type: string | undefined): Pick<LogsourceSpec, 'conditions'> {
  return type ? { conditions: { 'event.type': type } } : {};
}

/** Windows categories with no ECS category (process_access, pipe_created...): channel and event code. */
function windowsEventLogsources(): LogsourceSpec[] {
  const mapped = new Set(CATEGORIES.map((c) => c[0]));
  const sysmon = Object.entries(SYSMON_EVENT_IDS)
    .filter(([category]) => !mapped.has(category))
    .map(([category, ids]) => ({ category, channel: SYSMON_CHANNEL, ids }));
  const other = Object.entries(WINDOWS_CATEGORY_EVENTS).map(([category, e]) => ({ category, ...e }));
  return [...sysmon, ...other].map(({ category, channel, ids }) => ({
    match: { product: 'windows', category },
    fieldPrefix: WIN,
    conditions: { 'winlog.channel': channel, 'event.code': idStrings(ids) },
    fields: {
      SourceImage: 'process.executable',
      ScriptBlockText: 'powershell.file.script_block_text',
      ScriptBlockId: 'powershell.file.script_block_id',
      Path: 'file.path',
    },
  }));
}

/** ECS names for Elastic Agent / Winlogbeat; the default pipeline of the Elastic targets. */
export const ECS_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'ecs',
  description:
    'Elastic Common Schema (Elastic Agent, Winlogbeat): event.category per log source, ECS field names, other Windows fields under winlog.event_data.*',
  targets: ['eql', 'esql', 'lucene'],
  // Elastic Agent and Winlogbeat render each event's text into `message`: keywords search it.
  keywordField: 'message',
  logsources: [
    ...categoryLogsources(),
    ...windowsEventLogsources(),
    ...Object.entries(WINDOWS_CHANNELS).map(([service, channel]) => ({
      match: { product: 'windows', service },
      fieldPrefix: WIN,
      conditions: { 'winlog.channel': channel },
    })),
  ],
  fields: {
    EventID: 'event.code',
    Channel: 'winlog.channel',
    Provider_Name: 'winlog.provider_name',
    Computer: 'host.name',
  },
  transforms: [
    // Sysmon's Initiated is true/false; ECS network.direction is egress/ingress.
    { type: 'value_map', field: 'network.direction', map: { true: 'egress', false: 'ingress' } },
  ],
});
