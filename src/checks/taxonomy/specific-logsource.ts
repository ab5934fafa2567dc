/**
 * `service: sysmon` plus `EventID: 1` ties a rule to Sysmon, while `category: process_creation` lets every
 * backend pick its own process-creation source (Sysmon, Security 4688, EDR tables).
 */
import { readLogsource } from '../../ir/meta.js';
import { validItems } from '../detection/shared.js';
import type { RuleCheck } from '../types.js';

/** Sysmon event ids that have a generic Sigma category (Sigma taxonomy appendix). */
export const SYSMON_CATEGORIES: Readonly<Record<number, string>> = {
  1: 'process_creation',
  2: 'file_change',
  3: 'network_connection',
  4: 'sysmon_status',
  5: 'process_termination',
  6: 'driver_load',
  7: 'image_load',
  8: 'create_remote_thread',
  9: 'raw_access_thread',
  10: 'process_access',
  11: 'file_event',
  12: 'registry_event',
  13: 'registry_set',
  14: 'registry_rename',
  15: 'create_stream_hash',
  16: 'sysmon_status',
  17: 'pipe_created',
  18: 'pipe_created',
  19: 'wmi_event',
  20: 'wmi_event',
  21: 'wmi_event',
  22: 'dns_query',
  23: 'file_delete',
  25: 'process_tampering',
  26: 'file_delete_detected',
  27: 'file_block_executable',
  28: 'file_block_shredding',
  29: 'file_executable_detected',
  255: 'sysmon_error',
};

/** Reports a Sysmon rule whose EventIDs all have a generic category. */
export const specificLogsource: RuleCheck = {
  name: 'specific-logsource',
  help: 'use `category: <generic category>` with `product: windows` and drop the EventID selection',
  scope: 'rule',
  run(entry, ctx, emit) {
    const ls = readLogsource(entry.document.data.logsource);
    if (ls.service?.toLowerCase() !== 'sysmon' || entry.document.kind !== 'detection') return;
    const ids = validItems(entry, ctx).filter(({ item }) => item.field === 'EventID' && item.modifiers.length === 0);
    const values = ids.flatMap(({ item }) => item.values);
    if (values.length === 0) return;
    const categories = values.map((v) => SYSMON_CATEGORIES[Number(v.value)]);
    if (categories.some((c) => c === undefined)) return;
    const unique = [...new Set(categories)];
    emit(
      values[0].span,
      `Sysmon EventID ${values.map((v) => v.value).join(', ')} has the generic log source category ${unique.join(', ')}; use \`logsource: {product: windows, category: ${unique[0]}}\` and drop the EventID selection`,
    );
  },
};
