/**
 * Splunk with the Splunk Add-on for Sysmon / for Microsoft Windows in XML mode (`splunk-sysmon`): events
 * keep their Windows field names, the channel is the `source` (`XmlWinEventLog:<channel>`) and the event id
 * is `EventCode` (https://docs.splunk.com/Documentation/AddOns/released/MSSysmon/Sourcetypes).
 * Other log sources pass through with their Sigma field names and no scope.
 */
import type { PipelineSpec } from '../types.js';
import { windowsLogsources } from './sysmon-winlogbeat.js';

/** `source` value of an XML Windows event log channel. */
export function xmlSource(channel: string): string {
  return `XmlWinEventLog:${channel}`;
}

/** Sysmon and Windows channels in Splunk: `source="XmlWinEventLog:..." EventCode=N`. */
export const SPLUNK_SYSMON_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'splunk-sysmon',
  description:
    'Splunk Sysmon / Windows add-ons (XmlWinEventLog): source per channel, EventCode per event id, Windows field names',
  targets: ['spl'],
  logsources: windowsLogsources('source', 'EventCode', false, undefined, xmlSource),
  fields: { EventID: 'EventCode' },
});
