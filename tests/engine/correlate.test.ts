/**
 * Correlation semantics as data: base rules `a`, `b`, `c` match events whose Kind is a, b or c; each case
 * adds one correlation and a timeline of events (seconds, fields) and expects the detections it fires.
 */
import { describe, expect, test } from 'vitest';
import { HuntSession, huntEvents } from '../../src/engine/hunt.js';
import { prepareRules } from '../../src/engine/select.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';
import type { FieldValue, LogEvent } from '../../src/sources/event.js';

const BASE = ['a', 'b', 'c']
  .map(
    (k, i) =>
      `title: base ${k}\nid: 00000000-0000-0000-0000-00000000000${i + 1}\nname: rule_${k}\nlogsource:\n  product: test\ndetection:\n  sel:\n    Kind: ${k}\n  condition: sel\n`,
  )
  .join('---\n');

interface CorrelationCase {
  readonly name: string;
  /** The `correlation:` block body, indented by four spaces. */
  readonly correlation: string;
  /** [seconds, Kind, other fields] */
  readonly events: readonly (readonly [number, string, Record<string, FieldValue>?])[];
  /** Expected detections: [value, group, number of contributing events]. */
  readonly expect: readonly (readonly [number, Record<string, string | null>, number])[];
  readonly generate?: boolean;
}

const CASES: readonly CorrelationCase[] = [
  {
    name: 'event_count gte fires once per burst, per group',
    correlation:
      '    type: event_count\n    rules: [rule_a]\n    group-by: [User]\n    timespan: 1m\n    condition:\n      gte: 3',
    events: [
      [0, 'a', { User: 'x' }],
      [10, 'a', { User: 'y' }],
      [20, 'a', { User: 'x' }],
      [30, 'a', { User: 'x' }],
      [31, 'a', { User: 'x' }],
      [40, 'a', { User: 'y' }],
    ],
    expect: [[3, { User: 'x' }, 3]],
  },
  {
    name: 'event_count window expiry: events further apart than the timespan never add up',
    correlation: '    type: event_count\n    rules: [rule_a]\n    timespan: 10s\n    condition:\n      gte: 2',
    events: [
      [0, 'a'],
      [11, 'a'],
      [22, 'a'],
      [30, 'a'],
    ],
    expect: [[2, {}, 2]],
  },
  {
    name: 'event_count lt is decided when the window closes',
    correlation:
      '    type: event_count\n    rules: [rule_a]\n    group-by: [User]\n    timespan: 1m\n    condition:\n      lt: 2',
    events: [
      [0, 'a', { User: 'x' }],
      [5, 'a', { User: 'y' }],
      [6, 'a', { User: 'y' }],
    ],
    expect: [[1, { User: 'x' }, 1]],
  },
  {
    name: 'value_count counts distinct values',
    correlation:
      '    type: value_count\n    rules: [rule_a]\n    group-by: [Host]\n    timespan: 5m\n    condition:\n      field: User\n      gt: 2',
    events: [
      [0, 'a', { Host: 'h', User: 'u1' }],
      [1, 'a', { Host: 'h', User: 'u1' }],
      [2, 'a', { Host: 'h', User: 'u2' }],
      [3, 'a', { Host: 'h', User: 'u3' }],
    ],
    expect: [[3, { Host: 'h' }, 4]],
  },
  {
    name: 'value_sum over a numeric field',
    correlation:
      '    type: value_sum\n    rules: [rule_a]\n    timespan: 1h\n    condition:\n      field: Size\n      gt: 100',
    events: [
      [0, 'a', { Size: 60 }],
      [10, 'a', { Size: '30' }],
      [20, 'a', { Size: 20 }],
    ],
    expect: [[110, {}, 3]],
  },
  {
    name: 'value_avg with an upper bound closes the window first',
    correlation:
      '    type: value_avg\n    rules: [rule_a]\n    timespan: 1m\n    condition:\n      field: Size\n      lte: 10',
    events: [
      [0, 'a', { Size: 5 }],
      [30, 'a', { Size: 15 }],
      [120, 'a', { Size: 50 }],
    ],
    expect: [[10, {}, 2]],
  },
  {
    name: 'value_percentile (nearest rank)',
    correlation:
      '    type: value_percentile\n    rules: [rule_a]\n    timespan: 1m\n    condition:\n      field: Size\n      percentile: 50\n      gte: 20',
    events: [
      [0, 'a', { Size: 1 }],
      [1, 'a', { Size: 30 }],
      [2, 'a', { Size: 20 }],
    ],
    expect: [[20, {}, 3]],
  },
  {
    name: 'temporal needs every rule inside the window, any order',
    correlation: '    type: temporal\n    rules: [rule_a, rule_b]\n    group-by: [User]\n    timespan: 30s',
    events: [
      [0, 'b', { User: 'x' }],
      [5, 'a', { User: 'y' }],
      [10, 'a', { User: 'x' }],
      [100, 'b', { User: 'y' }],
    ],
    expect: [[2, { User: 'x' }, 2]],
  },
  {
    name: 'temporal_ordered needs the rules in order',
    correlation: '    type: temporal_ordered\n    rules: [rule_a, rule_b, rule_c]\n    timespan: 1m',
    events: [
      [0, 'b'],
      [1, 'a'],
      [2, 'c'],
      [3, 'b'],
      [4, 'c'],
    ],
    expect: [[3, {}, 3]],
  },
  {
    name: 'temporal_ordered window expiry',
    correlation: '    type: temporal_ordered\n    rules: [rule_a, rule_b]\n    timespan: 10s',
    events: [
      [0, 'a'],
      [20, 'b'],
    ],
    expect: [],
  },
  {
    name: 'aliases map group-by names to each rule’s field',
    correlation:
      '    type: temporal\n    rules: [rule_a, rule_b]\n    group-by: [ip]\n    timespan: 1m\n    aliases:\n      ip:\n        rule_a: SourceIp\n        rule_b: DestinationIp',
    events: [
      [0, 'a', { SourceIp: '10.0.0.1' }],
      [1, 'b', { DestinationIp: '10.0.0.2' }],
      [2, 'b', { DestinationIp: '10.0.0.1' }],
    ],
    expect: [[2, { ip: '10.0.0.1' }, 2]],
  },
  {
    name: 'out-of-order input is correlated in time order',
    correlation: '    type: temporal_ordered\n    rules: [rule_a, rule_b]\n    timespan: 1m',
    events: [
      [10, 'b'],
      [0, 'a'],
    ],
    expect: [[2, {}, 2]],
  },
];

const T0 = Date.UTC(2024, 0, 1);

function events(c: CorrelationCase): LogEvent[] {
  return c.events.map(([s, kind, extra], i) => ({
    fields: { Kind: kind, ...extra },
    logsource: { product: 'test' },
    timestamp: T0 + s * 1000,
    origin: { file: 'mem', record: i + 1 },
  }));
}

describe.each(CASES)('$name', (c) => {
  test('fires as expected', async () => {
    const corr = `title: corr\nid: 10000000-0000-0000-0000-000000000000\ncorrelation:\n${c.correlation}\n${c.generate ? 'generate: true\n' : ''}`;
    const set = loadRuleTexts({ 'base.yml': BASE, 'corr.yml': corr });
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const prepared = prepareRules(set.detections, set.correlations);
    const result = await huntEvents(prepared, events(c));
    const got = result.correlations.map((d) => [d.value, d.group, d.events.length]);
    expect(got).toEqual(c.expect);
    // generate: false (the default) hides the base rules' own detections.
    expect(result.detections).toEqual([]);
  });
});

test('generate: true keeps base detections', async () => {
  const corr =
    'title: corr\nid: 10000000-0000-0000-0000-000000000000\ncorrelation:\n    type: event_count\n    rules: [rule_a]\n    timespan: 1m\n    condition:\n      gte: 1\n    generate: true\n';
  const set = loadRuleTexts({ 'base.yml': BASE, 'corr.yml': corr });
  const ev: LogEvent = { fields: { Kind: 'a' }, logsource: { product: 'test' }, timestamp: T0, origin: { file: 'm' } };
  const result = await huntEvents(prepareRules(set.detections, set.correlations), [ev]);
  expect(result.detections.map((d) => d.rule.meta.name)).toEqual(['rule_a']);
  expect(result.correlations).toHaveLength(1);
});

test('open windows are expired as time advances', async () => {
  const { Correlator } = await import('../../src/engine/correlate.js');
  const corr =
    'title: corr\nid: 10000000-0000-0000-0000-000000000000\ncorrelation:\n    type: event_count\n    rules: [rule_a]\n    group-by: [User]\n    timespan: 10s\n    condition:\n      gte: 5\n';
  const set = loadRuleTexts({ 'base.yml': BASE, 'corr.yml': corr });
  const rule = set.detections[0];
  const c = new Correlator<number>(set.correlations, set.detections);
  for (let i = 0; i < 1000; i++) c.push({ rule, timestamp: T0 + i * 1000, fields: { User: `u${i}` }, ref: i });
  // Only the groups seen within the last two timespans can still be open.
  expect(c.openGroups).toBeLessThanOrEqual(21);
});

test('a correlation of correlations is skipped with a positioned diagnostic', () => {
  const corr = (id: string, name: string, rules: string) =>
    `title: ${name}\nid: ${id}\nname: ${name}\ncorrelation:\n    type: event_count\n    rules: [${rules}]\n    timespan: 1m\n    condition:\n      gte: 2\n`;
  const set = loadRuleTexts({
    'base.yml': BASE,
    'corr.yml': `${corr('10000000-0000-0000-0000-000000000001', 'first', 'rule_a')}---\n${corr('10000000-0000-0000-0000-000000000002', 'second', 'first')}`,
  });
  const prepared = prepareRules(set.detections, set.correlations);
  const session = new HuntSession(prepared);
  expect(session.correlator.correlations.map((c) => c.meta.name)).toEqual(['first']);
  expect(session.correlator.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
    ['TL115', 11, 'correlation skipped: the hunt engine does not chain correlations (first)'],
  ]);
});
