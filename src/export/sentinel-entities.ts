/**
 * Sentinel entity mappings and data connectors as tables: which result columns identify a Host, Account,
 * Process, File or IP, which columns every table of a log source carries, and which data connector fills
 * each table. Shared by the Sentinel and Defender writers.
 */

/** One entity mapping of a Sentinel analytics rule. */
export interface EntityMapping {
  readonly entityType: string;
  readonly fieldMappings: readonly { readonly identifier: string; readonly columnName: string }[];
}

/** Per entity type: identifiers in preference order, each with the columns that can fill it (first found wins). */
const ENTITIES: readonly { type: string; identifiers: readonly [string, readonly string[]][] }[] = [
  {
    type: 'Host',
    identifiers: [
      ['HostName', ['Computer', 'DvcHostname', 'Hostname']],
      ['FullName', ['DeviceName']],
    ],
  },
  {
    type: 'Account',
    identifiers: [
      ['Name', ['AccountName', 'InitiatingProcessAccountName', 'ActorUsername', 'TargetUserName', 'SubjectUserName']],
      ['NTDomain', ['AccountDomain', 'InitiatingProcessAccountDomain', 'SubjectDomainName']],
    ],
  },
  {
    type: 'Process',
    identifiers: [
      [
        'CommandLine',
        ['ProcessCommandLine', 'CommandLine', 'TargetProcessCommandLine', 'InitiatingProcessCommandLine'],
      ],
      ['ProcessId', ['ProcessId', 'TargetProcessId', 'NewProcessId']],
    ],
  },
  {
    type: 'File',
    identifiers: [
      ['Name', ['FileName', 'TargetFileName', 'TargetFilePath']],
      ['Directory', ['FolderPath', 'TargetFileDirectory']],
    ],
  },
  { type: 'IP', identifiers: [['Address', ['RemoteIP', 'DstIpAddr', 'IpAddress', 'SrcIpAddr', 'LocalIP']]] },
];

/** Entity types for which any one of the listed identifiers is enough. */
const ANY_IDENTIFIER = new Set(['Host', 'Process']);

/** Columns a table always returns (a `where`-only query keeps every column), for the tables exports see most. */
const TABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  DeviceProcessEvents: [
    'DeviceName',
    'AccountName',
    'AccountDomain',
    'ProcessCommandLine',
    'ProcessId',
    'FileName',
    'FolderPath',
  ],
  DeviceFileEvents: [
    'DeviceName',
    'InitiatingProcessAccountName',
    'InitiatingProcessCommandLine',
    'FileName',
    'FolderPath',
  ],
  DeviceNetworkEvents: ['DeviceName', 'InitiatingProcessAccountName', 'InitiatingProcessCommandLine', 'RemoteIP'],
  DeviceRegistryEvents: ['DeviceName', 'InitiatingProcessAccountName', 'InitiatingProcessCommandLine'],
  DeviceImageLoadEvents: [
    'DeviceName',
    'InitiatingProcessAccountName',
    'InitiatingProcessCommandLine',
    'FileName',
    'FolderPath',
  ],
  DeviceEvents: ['DeviceName', 'AccountName', 'InitiatingProcessCommandLine', 'FileName', 'FolderPath'],
  SecurityEvent: ['Computer', 'SubjectUserName', 'SubjectDomainName', 'CommandLine', 'NewProcessId', 'IpAddress'],
  _Im_ProcessCreate: ['DvcHostname', 'ActorUsername', 'TargetProcessCommandLine', 'TargetProcessId'],
  _Im_FileEvent: ['DvcHostname', 'ActorUsername', 'TargetFileName', 'TargetFilePath'],
  _Im_NetworkSession: ['DvcHostname', 'SrcIpAddr', 'DstIpAddr'],
  _Im_RegistryEvent: ['DvcHostname', 'ActorUsername'],
  _Im_Dns: ['DvcHostname', 'SrcIpAddr'],
  Event: ['Computer'],
  Syslog: ['Computer', 'HostIP'],
};

/** Data connector that fills a table (connector ids from Azure-Sentinel's ValidConnectorIds.json). */
const CONNECTORS: readonly [RegExp, string][] = [
  [/^Device\w*Events$/, 'MicrosoftThreatProtection'],
  [/^SecurityEvent$/, 'SecurityEvents'],
  [/^WindowsEvent$/, 'WindowsSecurityEvents'],
  [/^Syslog$/, 'Syslog'],
  [/^CommonSecurityLog$/, 'CEF'],
  [/^(SigninLogs|AuditLogs|AADNonInteractiveUserSignInLogs)$/, 'AzureActiveDirectory'],
  [/^AzureActivity$/, 'AzureActivity'],
  [/^OfficeActivity$/, 'Office365'],
  [/^AWSCloudTrail$/, 'AWS'],
  [/^DnsEvents$/, 'DNS'],
];

/** Tables behind each ASIM parser that tripline's sentinel-asim pipeline targets (Windows sources). */
const ASIM_SOURCES: Readonly<Record<string, readonly string[]>> = {
  _Im_ProcessCreate: ['DeviceProcessEvents', 'SecurityEvent'],
  _Im_FileEvent: ['DeviceFileEvents'],
  _Im_RegistryEvent: ['DeviceRegistryEvents', 'SecurityEvent'],
  _Im_NetworkSession: ['DeviceNetworkEvents'],
  _Im_Dns: ['DnsEvents'],
};

/** The tables a KQL query reads: lines holding only a table name, bare or opening a `union` operand. */
export function kqlTables(query: string): string[] {
  const names = [...query.matchAll(/^\s*\(?\s*([A-Za-z_]\w*)\s*$/gm)].map((m) => m[1]);
  return [...new Set(names.filter((n) => !KQL_KEYWORDS.has(n)))];
}

const KQL_KEYWORDS = new Set(['union', 'let', 'join', 'on', 'kind', 'inner', 'leftouter', 'and', 'or']);

/** The requiredDataConnectors entries for the tables a query reads (unknown tables are left out). */
export function dataConnectors(tables: readonly string[]): { connectorId: string; dataTypes: string[] }[] {
  const out = new Map<string, string[]>();
  const sources = tables.flatMap((t) => ASIM_SOURCES[t] ?? [t]);
  for (const table of sources) {
    const id = CONNECTORS.find(([re]) => re.test(table))?.[1];
    if (id) out.set(id, [...new Set([...(out.get(id) ?? []), table])]);
  }
  return [...out].map(([connectorId, dataTypes]) => ({ connectorId, dataTypes }));
}

/** Entity mappings from the columns the result carries: the rule's fields plus the table's own columns. */
export function entityMappings(fields: readonly string[], tables: readonly string[]): EntityMapping[] {
  const columns = new Set([...fields, ...tables.flatMap((t) => TABLE_COLUMNS[t] ?? [])]);
  const out: EntityMapping[] = [];
  for (const e of ENTITIES) {
    const fieldMappings = e.identifiers.flatMap(([identifier, candidates]) => {
      const columnName = candidates.find((c) => columns.has(c));
      return columnName ? [{ identifier, columnName }] : [];
    });
    // The first identifier of each type is the one Sentinel requires; without it the mapping is invalid.
    if (fieldMappings[0]?.identifier === e.identifiers[0][0] || (ANY_IDENTIFIER.has(e.type) && fieldMappings.length))
      out.push({ entityType: e.type, fieldMappings });
  }
  return out;
}
