/**
 * Sysmon (`sysmon`): Sigma's Windows categories keep their native Sysmon field names; each category is
 * scoped by the Sysmon channel and event id (https://learn.microsoft.com/sysinternals/downloads/sysmon).
 * Target-neutral: KQL, SPL, Elastic and SQL targets reuse it over raw Sysmon events.
 */
import type { LogsourceSpec, PipelineSpec } from '../types.js';

const CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

/** Sigma category -> Sysmon event ids (Sigma's own table, rules/windows in SigmaHQ). */
const EVENT_IDS: readonly [string, number | readonly number[]][] = [
  ['process_creation', 1],
  ['file_change', 2],
  ['network_connection', 3],
  ['sysmon_status', [4, 16]],
  ['process_termination', 5],
  ['driver_load', 6],
  ['image_load', 7],
  ['create_remote_thread', 8],
  ['raw_access_thread', 9],
  ['process_access', 10],
  ['file_event', 11],
  ['registry_add', 12],
  ['registry_delete', 12],
  ['registry_set', 13],
  ['registry_rename', 14],
  ['registry_event', [12, 13, 14]],
  ['create_stream_hash', 15],
  ['pipe_created', [17, 18]],
  ['wmi_event', [19, 20, 21]],
  ['dns_query', 22],
  ['file_delete', 23],
  ['clipboard_capture', 24],
  ['process_tampering', 25],
  ['file_delete_detected', 26],
  ['file_block_executable', 27],
  ['file_block_shredding', 28],
  ['file_executable_detected', 29],
  ['sysmon_error', 255],
];

/** Sysmon's registry_add/registry_delete share event 12; EventType tells them apart. */
const EVENT_TYPES: Readonly<Record<string, string | readonly string[]>> = {
  registry_add: 'CreateKey',
  registry_delete: ['DeleteKey', 'DeleteValue'],
};

function logsource([category, ids]: (typeof EVENT_IDS)[number]): LogsourceSpec {
  const eventType = EVENT_TYPES[category];
  return {
    match: { category, product: 'windows' },
    conditions: { Channel: CHANNEL, EventID: ids, ...(eventType ? { EventType: eventType } : {}) },
  };
}

/** Native Sysmon events: scope by channel and event id, fields unchanged. */
export const SYSMON_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'sysmon',
  description: 'Sysmon events: Sigma Windows categories scoped by Sysmon channel and EventID, fields unchanged',
  logsources: EVENT_IDS.map(logsource),
});
