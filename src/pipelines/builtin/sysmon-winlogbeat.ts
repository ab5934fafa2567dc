/**
 * Sysmon and Windows event logs as shipped by Winlogbeat or the Elastic Agent Windows integration
 * (`sysmon-winlogbeat`): the raw event data stays under `winlog.event_data.<Name>`, the channel is
 * `winlog.channel` and the event id is the keyword `event.code`
 * (https://www.elastic.co/guide/en/beats/winlogbeat/current/exported-fields-winlog.html).
 * Also exports `windowsLogsources`, which the Splunk and ECS pipelines share.
 */
import type { LogsourceSpec, PipelineSpec } from '../types.js';
import { SYSMON_CHANNEL, SYSMON_EVENT_IDS, WINDOWS_CATEGORY_EVENTS, WINDOWS_CHANNELS } from './windows-logs.js';

/** Ids as the strings a keyword field holds. */
export function idStrings(ids: number | readonly number[]): string | readonly string[] {
  return typeof ids === 'number' ? String(ids) : ids.map(String);
}

/**
 * Windows log sources for a pipeline: each Sysmon category, each other-channel category and each service
 * becomes a log source scoped by `channelField` and `idField` (ids as strings when `idsAsText`).
 */
export function windowsLogsources(
  channelField: string,
  idField: string,
  idsAsText: boolean,
  sysmonChannel = SYSMON_CHANNEL,
  channelName: (channel: string) => string = (c) => c,
): LogsourceSpec[] {
  const ids = (v: number | readonly number[]) => (idsAsText ? idStrings(v) : v);
  return [
    ...Object.entries(SYSMON_EVENT_IDS).map(([category, v]) => ({
      match: { product: 'windows', category },
      conditions: { [channelField]: channelName(sysmonChannel), [idField]: ids(v) },
    })),
    ...Object.entries(WINDOWS_CATEGORY_EVENTS).map(([category, e]) => ({
      match: { product: 'windows', category },
      conditions: { [channelField]: channelName(e.channel), [idField]: ids(e.ids) },
    })),
    ...Object.entries(WINDOWS_CHANNELS).map(([service, channel]) => ({
      match: { product: 'windows', service },
      conditions: { [channelField]: channelName(channel) },
    })),
  ];
}

/** Winlogbeat / Elastic Agent raw Windows events: `winlog.event_data.*`, `winlog.channel`, `event.code`. */
export const SYSMON_WINLOGBEAT_PIPELINE: PipelineSpec = Object.freeze<PipelineSpec>({
  name: 'sysmon-winlogbeat',
  description:
    'Winlogbeat / Elastic Agent Windows events: Sigma fields under winlog.event_data.*, scoped by winlog.channel and event.code',
  targets: ['eql', 'esql', 'lucene'],
  logsources: windowsLogsources('winlog.channel', 'event.code', true),
  requireLogsource: true,
  fields: {
    EventID: 'event.code',
    Channel: 'winlog.channel',
    Provider_Name: 'winlog.provider_name',
    Computer: 'winlog.computer_name',
  },
  fieldPrefix: 'winlog.event_data.',
});
