/**
 * Pipelines stage. Consumes IR rules in Sigma field names; produces rules in target field names plus
 * their scope (apply.ts). Built-in pipelines are registered here by name; user pipelines are YAML files
 * in the same shape (parse.ts).
 */

import { ECS_PIPELINE } from './builtin/ecs.js';
import { FALCON_PIPELINE } from './builtin/falcon.js';
import { MDE_PIPELINE } from './builtin/mde.js';
import { QRADAR_PIPELINE } from './builtin/qradar.js';
import { SECOPS_UDM_PIPELINE } from './builtin/secops-udm.js';
import { SENTINEL_ASIM_PIPELINE } from './builtin/sentinel-asim.js';
import { SPLUNK_CIM_PIPELINE } from './builtin/splunk-cim.js';
import { SPLUNK_SYSMON_PIPELINE } from './builtin/splunk-sysmon.js';
import { SPLUNK_WINDOWS_PIPELINE } from './builtin/splunk-windows.js';
import { SUMO_CSE_PIPELINE } from './builtin/sumo-cse.js';
import { SUMO_SYSMON_PIPELINE } from './builtin/sumo-sysmon.js';
import { SYSMON_PIPELINE } from './builtin/sysmon.js';
import { SYSMON_WINLOGBEAT_PIPELINE } from './builtin/sysmon-winlogbeat.js';
import { TRIPLINE_PIPELINE } from './builtin/tripline.js';
import { WINDOWS_PIPELINE } from './builtin/windows.js';
import type { PipelineSpec } from './types.js';

export { applyPipelines, describeLogsource, logsourceMatches, type PipelineResult, targetFieldName } from './apply.js';
export { parsePipelineText } from './parse.js';
export * from './types.js';

/** Built-in pipelines by name. Adding one adds a line here and a file in builtin/. */
export const BUILTIN_PIPELINES: Readonly<Record<string, PipelineSpec>> = Object.freeze({
  'sysmon-winlogbeat': SYSMON_WINLOGBEAT_PIPELINE,
  ecs: ECS_PIPELINE,
  'splunk-cim': SPLUNK_CIM_PIPELINE,
  'splunk-windows': SPLUNK_WINDOWS_PIPELINE,
  'splunk-sysmon': SPLUNK_SYSMON_PIPELINE,
  falcon: FALCON_PIPELINE,
  mde: MDE_PIPELINE,
  qradar: QRADAR_PIPELINE,
  'secops-udm': SECOPS_UDM_PIPELINE,
  'sumo-cse': SUMO_CSE_PIPELINE,
  'sumo-sysmon': SUMO_SYSMON_PIPELINE,
  'sentinel-asim': SENTINEL_ASIM_PIPELINE,
  sysmon: SYSMON_PIPELINE,
  tripline: TRIPLINE_PIPELINE,
  windows: WINDOWS_PIPELINE,
});

/** Looks up a built-in pipeline. */
export function builtinPipeline(name: string): PipelineSpec | undefined {
  return Object.hasOwn(BUILTIN_PIPELINES, name) ? BUILTIN_PIPELINES[name] : undefined;
}
