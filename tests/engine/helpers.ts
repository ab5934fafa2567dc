/** Test helpers: build detection rules from YAML snippets and events from plain field maps. */
import { formatDiagnostic } from '../../src/core/diagnostic.js';
import type { DetectionRule } from '../../src/ir/types.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';
import type { EventLogsource, FieldValue, LogEvent } from '../../src/sources/event.js';

/** A detection rule from the text of its `detection:` block (indented by two spaces). */
export function ruleFrom(detection: string, logsource = 'product: windows', extra = ''): DetectionRule {
  const text = `title: t\nid: 00000000-0000-0000-0000-000000000001\nlogsource:\n  ${logsource}\ndetection:\n${detection}\n${extra}`;
  const set = loadRuleTexts({ 'case.yml': text });
  const errors = set.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || set.detections.length !== 1)
    throw new Error(`bad case rule:\n${text}\n${errors.map(formatDiagnostic).join('\n')}`);
  return set.detections[0];
}

/** An event with the given fields (product windows unless a log source is given). */
export function eventOf(
  fields: Record<string, FieldValue>,
  logsource: EventLogsource = { product: 'windows' },
  timestamp?: number,
): LogEvent {
  return { fields, logsource, timestamp, origin: { file: 'mem', record: 1 } };
}
