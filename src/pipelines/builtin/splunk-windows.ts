/**
 * Splunk with the Windows add-on only, no Sysmon (`splunk-windows`): Windows services by `source`, and
 * process_creation served by Security event 4688 with its field names
 * (https://learn.microsoft.com/windows/security/threat-protection/auditing/event-4688). Sysmon-only
 * categories are unsupported here.
 */
import type { PipelineSpec } from '../types.js';
import { xmlSource } from './splunk-sysmon.js';
import { PROCESS_4688, WINDOWS_CATEGORY_EVENTS, WINDOWS_CHANNELS } from './windows-logs.js';

/** Windows Security 4688 and event log channels in Splunk. */
export const SPLUNK_WINDOWS_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'splunk-windows',
  description: 'Splunk Windows add-on without Sysmon: channels by source, process_creation as Security 4688',
  targets: ['spl'],
  requireLogsource: true,
  logsources: [
    {
      match: { product: 'windows', category: 'process_creation' },
      conditions: { source: xmlSource('Security'), EventCode: 4688 },
      fields: PROCESS_4688,
      unsupported: {
        OriginalFileName: 'event 4688 has no PE version information',
        Company: 'event 4688 has no PE version information',
        Description: 'event 4688 has no PE version information',
        Product: 'event 4688 has no PE version information',
        FileVersion: 'event 4688 has no PE version information',
        Hashes: 'event 4688 has no hashes',
        ParentCommandLine: 'event 4688 has no parent command line',
        CurrentDirectory: 'event 4688 has no working directory',
        ProcessGuid: 'event 4688 has no process GUID',
        ParentProcessGuid: 'event 4688 has no process GUID',
      },
    },
    ...Object.entries(WINDOWS_CATEGORY_EVENTS).map(([category, e]) => ({
      match: { product: 'windows', category },
      conditions: { source: xmlSource(e.channel), EventCode: e.ids },
    })),
    ...Object.entries(WINDOWS_CHANNELS).map(([service, channel]) => ({
      match: { product: 'windows', service },
      conditions: { source: xmlSource(channel) },
    })),
  ],
  fields: { EventID: 'EventCode' },
  transforms: [
    {
      type: 'value_map',
      field: 'MandatoryLabel',
      map: { low: 'S-1-16-4096', medium: 'S-1-16-8192', high: 'S-1-16-12288', system: 'S-1-16-16384' },
    },
  ],
});
