/**
 * Windows event logs (`windows`): Sigma Windows services scoped by event log channel, and the
 * process_creation / network_connection categories served from the Security log (4688 and 5156) with
 * their Security field names (https://learn.microsoft.com/windows/security/threat-protection/auditing/event-4688).
 * Target-neutral, like `sysmon`.
 */
import type { LogsourceSpec, PipelineSpec } from '../types.js';
import { PROCESS_4688, WINDOWS_CHANNELS } from './windows-logs.js';

/** Security 5156 (the Windows Filtering Platform permitted a connection) field names. */
const NETWORK_5156 = {
  Image: 'Application',
  DestinationIp: 'DestAddress',
  DestinationPort: 'DestPort',
  SourceIp: 'SourceAddress',
  SourcePort: 'SourcePort',
  Protocol: 'Protocol',
  Initiated: 'Direction',
} as const;

const services: LogsourceSpec[] = Object.entries(WINDOWS_CHANNELS).map(([service, channel]) => ({
  match: { product: 'windows', service },
  conditions: { Channel: channel },
}));

/** Windows event log channels, plus Security 4688/5156 for process and network categories. */
export const WINDOWS_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'windows',
  description:
    'Windows event logs: services scoped by Channel; process_creation as Security 4688, network_connection as 5156',
  logsources: [
    ...services,
    {
      match: { product: 'windows', category: 'process_creation' },
      conditions: { Channel: 'Security', EventID: 4688 },
      fields: PROCESS_4688,
      unsupported: {
        OriginalFileName: 'event 4688 has no PE version information',
        Hashes: 'event 4688 has no hashes',
        ParentCommandLine: 'event 4688 has no parent command line',
        CurrentDirectory: 'event 4688 has no working directory',
      },
    },
    {
      match: { product: 'windows', category: 'network_connection' },
      conditions: { Channel: 'Security', EventID: 5156 },
      fields: NETWORK_5156,
    },
  ],
  transforms: [
    {
      type: 'value_map',
      field: 'MandatoryLabel',
      map: { low: 'S-1-16-4096', medium: 'S-1-16-8192', high: 'S-1-16-12288', system: 'S-1-16-16384' },
    },
    // 5156 writes the direction as %%14593 (outbound) / %%14592 (inbound) in the raw event.
    { type: 'value_map', field: 'Direction', map: { true: '%%14593', false: '%%14592' } },
  ],
});
