/** Cloud SIEM rule expressions: Sigma detections (case table) and the expression each becomes, or the reason. */
import { describe, expect, it } from 'vitest';
import { convertRuleSet } from '../../src/backends/convert.js';
import { CSE_EXPRESSION } from '../../src/export/cse-dialect.js';
import { builtinPipeline } from '../../src/pipelines/index.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';

const CASES: [string, string][] = [
  ["CommandLine: 'whoami /all'", "lower(commandLine) = 'whoami /all'"],
  ["CommandLine|contains: '50%_off'", "lower(commandLine) LIKE '%50\\\\%\\\\_off%'"],
  ['CommandLine|contains|cased: "it\'s"', "commandLine LIKE '%it\\'s%'"],
  ["CommandLine|startswith: 'a?b'", "lower(commandLine) LIKE 'a_b%'"],
  ["CommandLine|re: '^x\\d+'", "commandLine RLIKE '^x\\\\d+'"],
  ["CommandLine|re|i: 'abc'", "commandLine RLIKE '(?i)abc'"],
  ['CommandLine: null', 'commandLine IS NULL'],
  ["Image|endswith: ['\\a.exe', '\\b.exe']", "lower(baseImage) IN ('a.exe', 'b.exe')"],
  ['CommandLine|exists: true', 'commandLine IS NOT NULL'],
];

const rule = (sel: string) => `title: Case
logsource: {category: process_creation, product: windows}
detection:
  sel:
    ${sel}
  condition: sel
`;
const keywordRule = `title: Case
logsource: {category: process_creation, product: windows}
detection:
  keywords: ['x']
  condition: keywords
`;
const pipelines = [builtinPipeline('sumo-cse')].filter((p) => p !== undefined);

describe('Cloud SIEM rule expressions', () => {
  it.each(CASES)('%s', async (sel, expected) => {
    const rs = await loadRuleTexts({ 'case.yml': rule(sel) });
    const [c] = convertRuleSet(rs, CSE_EXPRESSION, pipelines);
    expect(c.errors.map((e) => e.message)).toEqual([]);
    expect(c.queries[0]).toBe(expected);
  });
  it('keywords are unsupported', async () => {
    const rs = await loadRuleTexts({ 'case.yml': keywordRule });
    const [c] = convertRuleSet(rs, CSE_EXPRESSION, pipelines);
    expect(c.errors[0]?.message).toContain('keywords');
  });
});
