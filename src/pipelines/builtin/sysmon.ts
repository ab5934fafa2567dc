/**
 * Sysmon (`sysmon`): Sigma's Windows categories keep their native Sysmon field names; each category is
 * scoped by the Sysmon channel and event id (https://learn.microsoft.com/sysinternals/downloads/sysmon).
 * Target-neutral: KQL, SPL, Elastic and SQL targets reuse it over raw Sysmon events.
 */
import type { LogsourceSpec, PipelineSpec } from '../types.js';
import { SYSMON_CHANNEL, SYSMON_EVENT_IDS, SYSMON_EVENT_TYPES } from './windows-logs.js';

function logsource([category, ids]: [string, number | readonly number[]]): LogsourceSpec {
  const eventType = SYSMON_EVENT_TYPES[category];
  return {
    match: { category, product: 'windows' },
    conditions: { Channel: SYSMON_CHANNEL, EventID: ids, ...(eventType ? { EventType: eventType } : {}) },
  };
}

/** Native Sysmon events: scope by channel and event id, fields unchanged. */
export const SYSMON_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'sysmon',
  description: 'Sysmon events: Sigma Windows categories scoped by Sysmon channel and EventID, fields unchanged',
  logsources: Object.entries(SYSMON_EVENT_IDS).map(logsource),
});
