/**
 * Splunk Common Information Model (`splunk-cim`): rules whose log source has a CIM data model are written
 * against it with the data set's field names (`Processes.process_name`...), so the SPL target can use
 * `tstats` over accelerated data (https://docs.splunk.com/Documentation/CIM/latest/User/Endpoint).
 * A log source's `table` is `datamodel:<Model>.<Dataset>`; log sources without a data model are unsupported.
 */
import type { PipelineSpec } from '../types.js';

const P = 'Processes.';
const PROCESSES = {
  Image: `${P}process_path`,
  OriginalFileName: `${P}original_file_name`,
  CommandLine: `${P}process`,
  CurrentDirectory: `${P}process_current_directory`,
  ParentImage: `${P}parent_process_path`,
  ParentCommandLine: `${P}parent_process`,
  ParentProcessId: `${P}parent_process_id`,
  ParentProcessGuid: `${P}parent_process_guid`,
  ProcessId: `${P}process_id`,
  ProcessGuid: `${P}process_guid`,
  IntegrityLevel: `${P}process_integrity_level`,
  Hashes: `${P}process_hash`,
  User: `${P}user`,
} as const;

const T = 'All_Traffic.';
const TRAFFIC = {
  Image: `${T}app`,
  DestinationIp: `${T}dest_ip`,
  DestinationPort: `${T}dest_port`,
  DestinationHostname: `${T}dest`,
  SourceIp: `${T}src_ip`,
  SourcePort: `${T}src_port`,
  SourceHostname: `${T}src`,
  Protocol: `${T}transport`,
  User: `${T}user`,
} as const;

const FILESYSTEM = { TargetFilename: 'Filesystem.file_path', User: 'Filesystem.user' } as const;
const REGISTRY = {
  TargetObject: 'Registry.registry_path',
  Details: 'Registry.registry_value_data',
  User: 'Registry.user',
} as const;
const NO_IMAGE = { Image: 'the CIM data set records the process id and GUID only, not its path' } as const;
const DNS = { QueryName: 'DNS.query', QueryResults: 'DNS.answer' } as const;
const NO_VERSION_INFO = 'the CIM Endpoint.Processes data set has no PE version information';

/** CIM data models: Endpoint (Processes, Filesystem, Registry), Network_Traffic, Network_Resolution. */
export const SPLUNK_CIM_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'splunk-cim',
  description: 'Splunk CIM data models (Endpoint, Network_Traffic, Network_Resolution) for tstats',
  targets: ['spl'],
  requireLogsource: true,
  strictFields: true,
  logsources: [
    {
      match: { category: 'process_creation' },
      table: 'datamodel:Endpoint.Processes',
      fields: PROCESSES,
      unsupported: {
        Company: NO_VERSION_INFO,
        Description: NO_VERSION_INFO,
        Product: NO_VERSION_INFO,
        FileVersion: NO_VERSION_INFO,
      },
    },
    { match: { category: 'network_connection' }, table: 'datamodel:Network_Traffic.All_Traffic', fields: TRAFFIC },
    {
      match: { category: 'file_event' },
      table: 'datamodel:Endpoint.Filesystem',
      fields: FILESYSTEM,
      unsupported: NO_IMAGE,
    },
    {
      match: { category: 'registry_set' },
      table: 'datamodel:Endpoint.Registry',
      fields: REGISTRY,
      unsupported: NO_IMAGE,
    },
    {
      match: { category: 'registry_add' },
      table: 'datamodel:Endpoint.Registry',
      fields: REGISTRY,
      unsupported: NO_IMAGE,
    },
    {
      match: { category: 'registry_delete' },
      table: 'datamodel:Endpoint.Registry',
      fields: REGISTRY,
      unsupported: NO_IMAGE,
    },
    {
      match: { category: 'registry_event' },
      table: 'datamodel:Endpoint.Registry',
      fields: REGISTRY,
      unsupported: NO_IMAGE,
    },
    { match: { category: 'dns_query' }, table: 'datamodel:Network_Resolution.DNS', fields: DNS },
  ],
  transforms: [
    // Image|endswith '\x.exe' becomes the data set's name field, which the data models accelerate.
    { type: 'basename', field: `${P}process_path`, to: `${P}process_name` },
    { type: 'basename', field: `${P}parent_process_path`, to: `${P}parent_process_name` },
    { type: 'basename', field: 'Filesystem.file_path', to: 'Filesystem.file_name' },
  ],
});
