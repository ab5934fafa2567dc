/**
 * Sumo Logic with Windows events collected as JSON (`sumo-sysmon`). DEFAULTS TO OVERRIDE: Sysmon events are
 * assumed under `_sourceCategory=windows/sysmon`, other Windows channels under `windows/<service>`, other
 * products under `<product>/*`; `| json auto` extracts the event fields under their Windows (Sigma) names
 * (https://help.sumologic.com/docs/search/search-query-language/parse-operators/parse-json-formatted-logs/).
 * Write your own pipeline YAML with your source categories (and `| parse` for XML) and pass it with `-p`.
 */
import type { LogsourceSpec, PipelineSpec } from '../types.js';
import { SYSMON_EVENT_IDS } from './windows-logs.js';

/** PowerShell categories live in the PowerShell channels, with their event ids. */
const POWERSHELL: Readonly<Record<string, [string, number]>> = {
  ps_script: ['windows/powershell', 4104],
  ps_module: ['windows/powershell', 4103],
  ps_classic_start: ['windows/powershell-classic', 400],
};

const PRODUCTS = ['linux', 'macos', 'aws', 'azure', 'gcp', 'm365', 'okta', 'github', 'zeek', 'cisco', 'kubernetes'];

/** The scope lines: source category, then the JSON parse step. */
export function sumoScope(category: string): string {
  return `_sourceCategory=${category}\n| json auto`;
}

function logsources(): LogsourceSpec[] {
  return [
    ...Object.entries(SYSMON_EVENT_IDS).map(
      ([category, ids]): LogsourceSpec => ({
        match: { product: 'windows', category },
        table: sumoScope('windows/sysmon'),
        conditions: { EventID: ids },
      }),
    ),
    ...Object.entries(POWERSHELL).map(
      ([category, [source, id]]): LogsourceSpec => ({
        match: { product: 'windows', category },
        table: sumoScope(source),
        conditions: { EventID: id },
      }),
    ),
    { match: { product: 'windows', service: 'sysmon' }, table: sumoScope('windows/sysmon') },
    ...['security', 'system', 'application', 'powershell', 'windefend', 'wmi', 'taskscheduler'].map(
      (service): LogsourceSpec => ({ match: { product: 'windows', service }, table: sumoScope(`windows/${service}`) }),
    ),
    { match: { product: 'windows' }, table: sumoScope('windows/*') },
    ...PRODUCTS.map((product): LogsourceSpec => ({ match: { product }, table: sumoScope(`${product}/*`) })),
  ];
}

/** Windows/Sysmon JSON events in Sumo Logic under default source categories; fields keep their names. */
export const SUMO_SYSMON_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'sumo-sysmon',
  description:
    'Sumo Logic: Sysmon/Windows JSON under _sourceCategory=windows/sysmon (a default to override), json auto',
  targets: ['sumo'],
  logsources: logsources(),
});
