/**
 * Sumo Logic Cloud SIEM normalised records (`sumo-cse`), searched in the log search over the record
 * indexes (`_index=sec_record_endpoint`, `sec_record_network`...) with the same `| where` syntax as
 * `sumo-sysmon`, rather than as Cloud SIEM match expressions: one dialect serves both, and the records'
 * schema names are fields there (https://help.sumologic.com/docs/cse/schema/schema-attributes/).
 * Records keep only the executable's base name (`baseImage`), so Image/ParentImage work only as
 * `endswith '\x.exe'`. Fields outside the schema map are unsupported.
 */
import type { PipelineSpec } from '../types.js';

const NOT_IN_RECORD = 'not a Cloud SIEM record attribute';

/** Cloud SIEM records in the Sumo log search. */
export const SUMO_CSE_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'sumo-cse',
  description: 'Sumo Logic Cloud SIEM records (sec_record_* indexes): normalised attribute names',
  targets: ['sumo'],
  requireLogsource: true,
  strictFields: true,
  logsources: [
    {
      match: { category: 'process_creation' },
      table: '_index=sec_record_endpoint',
      fields: {
        Image: 'image_path',
        ParentImage: 'parent_image_path',
        CommandLine: 'commandLine',
        User: 'user_username',
        ProcessId: 'pid',
        Computer: 'device_hostname',
      },
      unsupported: { OriginalFileName: NOT_IN_RECORD, CurrentDirectory: NOT_IN_RECORD },
    },
    {
      match: { category: 'network_connection' },
      table: '_index=sec_record_network',
      fields: {
        Image: 'image_path',
        SourceIp: 'srcDevice_ip',
        DestinationIp: 'dstDevice_ip',
        SourcePort: 'srcPort',
        DestinationPort: 'dstPort',
        DestinationHostname: 'dstDevice_hostname',
        User: 'user_username',
        Computer: 'device_hostname',
      },
    },
    {
      match: { category: 'dns_query' },
      table: '_index=sec_record_network',
      fields: { QueryName: 'dns_query', Image: 'image_path', Computer: 'device_hostname' },
    },
  ],
  transforms: [
    { type: 'basename', field: 'image_path', to: 'baseImage', strict: true },
    { type: 'basename', field: 'parent_image_path', to: 'parentBaseImage', strict: true },
  ],
});
