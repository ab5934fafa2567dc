/**
 * Platform limits: each case builds a rule (or options) that breaks one limit and expects the rule skipped with
 * that limit's name, while the other rules of the set are still written.
 */
import { describe, expect, it } from 'vitest';
import { DEFENDER_LIMITS, defenderPeriod } from '../../src/export/defender.js';
import { ELASTIC_LIMITS } from '../../src/export/elastic.js';
import { firstViolation } from '../../src/export/limits.js';
import { SENTINEL_LIMITS, type SentinelTemplate } from '../../src/export/sentinel.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';
import { exportTo } from './helpers.js';

const ok = `title: Fine Rule
id: 11111111-2222-4333-8444-555555555555
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\cmd.exe'}
  condition: sel
level: low
`;
const huge = `title: Enormous Rule
id: 66666666-7777-4888-9999-aaaaaaaaaaaa
logsource: {category: process_creation, product: windows}
detection:
  sel:
    CommandLine|contains:
${Array.from({ length: 700 }, (_, i) => `      - 'needle-number-${i}-padding'`).join('\n')}
  condition: sel
level: high
`;
const longTitle = ok.replace('title: Fine Rule', `title: ${'Very Long '.repeat(30)}`).replace('11111111', '22222222');

/** End-to-end cases: platform, options, rule texts, the title expected skipped and its limit. */
const CASES: { name: string; platform: string; schedule?: string; lookback?: string; title: string; limit: string }[] =
  [
    {
      name: 'query over 10,000 characters',
      platform: 'sentinel',
      title: 'Enormous Rule',
      limit: 'sentinel.query-length',
    },
    {
      name: 'name over 256 characters',
      platform: 'sentinel',
      title: longTitle.split('\n')[0].slice(7).trim(),
      limit: 'sentinel.name-length',
    },
    {
      name: 'frequency under 5 minutes',
      platform: 'sentinel',
      schedule: '1m',
      title: 'Fine Rule',
      limit: 'sentinel.query-frequency',
    },
    {
      name: 'period over 14 days',
      platform: 'sentinel',
      lookback: '15d',
      title: 'Fine Rule',
      limit: 'sentinel.query-period',
    },
    {
      name: 'period shorter than frequency',
      platform: 'sentinel',
      schedule: '1h',
      lookback: '30m',
      title: 'Fine Rule',
      limit: 'sentinel.query-period',
    },
    {
      name: 'elastic lookback shorter than the interval',
      platform: 'elastic',
      schedule: '1h',
      lookback: '10m',
      title: 'Fine Rule',
      limit: 'elastic.lookback',
    },
    { name: 'defender query too long', platform: 'defender', title: 'Enormous Rule', limit: 'defender.query-length' },
    {
      name: 'defender schedule over 24h',
      platform: 'defender',
      schedule: '2d',
      title: 'Fine Rule',
      limit: 'defender.schedule',
    },
    {
      name: 'splunk schedule under a minute',
      platform: 'splunk',
      schedule: '30s',
      title: 'Fine Rule',
      limit: 'splunk.schedule',
    },
    {
      name: 'logscale throttle below 60s is raised, not an error',
      platform: 'logscale',
      schedule: '30s',
      title: '',
      limit: '',
    },
  ];

describe('platform limits skip the rule with the named limit', async () => {
  const ruleSet = await loadRuleTexts({ 'ok.yml': ok, 'huge.yml': huge, 'long.yml': longTitle });
  for (const c of CASES) {
    it(c.name, () => {
      const r = exportTo(ruleSet, c.platform, {
        ...(c.schedule ? { schedule: c.schedule } : {}),
        ...(c.lookback ? { lookback: c.lookback } : {}),
      });
      const hit = r.skipped.find((s) => s.title === c.title);
      if (!c.limit) {
        expect(r.skipped).toEqual([]);
        return;
      }
      expect(hit?.limit, JSON.stringify(r.skipped)).toBe(c.limit);
      expect(hit?.reason).toContain(c.limit);
      expect(hit?.file).toMatch(/\.yml$/);
      // Only the offending rule is skipped unless the limit is about the options.
      if (!c.schedule && !c.lookback) expect(r.skipped.map((s) => s.title)).not.toContain('Fine Rule');
      expect(JSON.parse(r.files.find((f) => f.path === 'skipped.json')?.content ?? '[]')).toEqual(r.skipped);
    });
  }
});

describe('limit tables', () => {
  const template: SentinelTemplate = {
    id: '11111111-2222-4333-8444-555555555555',
    name: 'x',
    description: 'x',
    severity: 'Low',
    requiredDataConnectors: [],
    queryFrequency: '5m',
    queryPeriod: '5m',
    triggerOperator: 'gt',
    triggerThreshold: 0,
    tactics: [],
    relevantTechniques: [],
    query: 'T',
    entityMappings: [],
    version: '1.0.0',
    kind: 'Scheduled',
  };
  const mapping = { entityType: 'Host', fieldMappings: [{ identifier: 'HostName', columnName: 'Computer' }] };
  it.each([
    ['sentinel.entity-mappings', { entityMappings: Array(6).fill(mapping) }],
    [
      'sentinel.field-mappings',
      { entityMappings: [{ entityType: 'Host', fieldMappings: Array(4).fill(mapping.fieldMappings[0]) }] },
    ],
    ['sentinel.custom-details', { customDetails: { 'bad key!': 'Column' } }],
    [
      'sentinel.custom-details',
      { customDetails: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'C'])) },
    ],
    ['sentinel.description-length', { description: 'd'.repeat(5001) }],
  ] as const)('%s', (limit, patch) => {
    expect(firstViolation(SENTINEL_LIMITS, template)).toBeUndefined();
    expect(firstViolation(SENTINEL_LIMITS, { ...template, ...patch })?.limit).toBe(limit);
  });
  it.each([
    ['elastic.risk-score', { risk_score: 101 }],
    ['elastic.risk-score', { risk_score: -1 }],
    ['elastic.interval', { interval: '5 minutes' }],
    ['elastic.rule-id', { rule_id: 'not-a-uuid' }],
  ] as const)('%s', (limit, patch) => {
    const body = { risk_score: 47, interval: '5m', name: 'n', rule_id: '11111111-2222-4333-8444-555555555555' };
    expect(firstViolation(ELASTIC_LIMITS, body)).toBeUndefined();
    expect(firstViolation(ELASTIC_LIMITS, { ...body, ...patch })?.limit).toBe(limit);
  });
  it('defender periods round up to the next supported period', () => {
    expect(['nrt', '5m', '1h', '2h', '12h', '1d', '2d'].map(defenderPeriod)).toEqual([
      '0',
      '1H',
      '1H',
      '3H',
      '12H',
      '24H',
      undefined,
    ]);
    const rule = { queryCondition: { queryText: 'SecurityEvent\n| where x' }, schedule: { period: '1H' } };
    expect(firstViolation(DEFENDER_LIMITS, rule as never)?.limit).toBe('defender.table');
  });
});
