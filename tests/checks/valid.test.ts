/**
 * Valid cases: rules that must give no diagnostic at all. The fixture folder holds complete rules (with a
 * `tripline:` block, a correlation and a filter); the table holds small variations, RuleTester style, each
 * the "valid" twin of a check that a broken fixture triggers.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRuleSet } from '../../src/checks/index.js';
import { formatDiagnostic } from '../../src/core/diagnostic.js';
import { loadRules, loadRuleTexts } from '../../src/ruleset/load.js';
import { HAVE_SHARED, REPO, sharedData } from './helpers.js';

/** A clean rule with `detection` and `tags` replaced. */
function rule(detection: string, tags = ['attack.execution', 'attack.t1059.001'], extra = ''): string {
  return [
    'title: Valid case',
    'id: 9d8c7b6a-5f4e-4d3c-8b2a-19f8e7d6c5b4',
    'status: test',
    'description: A rule that must pass every check.',
    'author: tripline tests',
    'date: 2024-01-15',
    'tags:',
    ...tags.map((t) => `  - ${t}`),
    'logsource:',
    '  category: process_creation',
    '  product: windows',
    'detection:',
    ...detection.split('\n').map((l) => `  ${l}`),
    'falsepositives:',
    '  - Unknown',
    'level: medium',
    extra,
  ].join('\n');
}

// biome-ignore format: the table reads best one case per line
const VALID: readonly { name: string; text: string }[] = [
  { name: 'contains modifier instead of wildcards (TL403)', text: rule("selection:\n  CommandLine|contains: '-EncodedCommand'\ncondition: selection") },
  { name: 'wildcard in the middle is not a modifier (TL403)', text: rule("selection:\n  Image: 'C:\\Users\\\\*\\AppData\\run.exe'\ncondition: selection") },
  { name: 'escaped backslash before a wildcard (TL404)', text: rule("selection:\n  Image|startswith: 'C:\\Temp\\\\'\ncondition: selection") },
  { name: 'number as a number (TL406)', text: rule("selection:\n  ProcessId: 4\ncondition: selection") },
  { name: 'all over several contains values (TL408, TL409)', text: rule("selection:\n  CommandLine|contains|all:\n    - '-nop'\n    - '-enc'\ncondition: selection") },
  { name: 'case-insensitive regex on a path (TL411)', text: rule("selection:\n  Image|re|i: 'C:\\\\Windows\\\\Temp\\\\[a-z]+\\.exe'\ncondition: selection") },
  { name: 'regex with (?i) (TL411)', text: rule("selection:\n  Image|re: '(?i)\\\\temp\\\\[a-z]+\\.exe'\ncondition: selection") },
  { name: 'two searches under all of them (TL401)', text: rule("selection_img:\n  Image|endswith: '\\cmd.exe'\nselection_cli:\n  CommandLine|contains: '/c'\ncondition: all of them") },
  { name: 'SigmaHQ filter idiom 1 of filter_optional_* (TL402)', text: rule("selection:\n  Image|endswith: '\\cmd.exe'\nfilter_optional_admin:\n  User|contains: 'admin'\ncondition: selection and not 1 of filter_optional_*") },
  { name: 'new-style tactic tag (TL309)', text: rule("selection:\n  Image|endswith: '\\cmd.exe'\ncondition: selection", ['attack.defense-evasion', 'attack.t1218']) },
  { name: 'CAR, CVE, D3FEND, TLP, detection and stp tags (TL311-TL316)', text: rule("selection:\n  Image|endswith: '\\cmd.exe'\ncondition: selection", ['attack.execution', 'car.2016-04-005', 'cve.2021-44228', 'd3fend.d3-am', 'd3fend.d3f-WindowsNtOpenFile', 'tlp.amber-strict', 'detection.dfir', 'stp.3k']) },
  { name: 'group and software tags (TL304)', text: rule("selection:\n  Image|endswith: '\\cmd.exe'\ncondition: selection", ['attack.execution', 'attack.g0016', 'attack.s0002']) },
  { name: 'modified after date (TL213, TL221)', text: rule("selection:\n  Image|endswith: '\\cmd.exe'\ncondition: selection", undefined, 'modified: 2024-06-30') },
  { name: 'related entry (TL216, TL217)', text: rule("selection:\n  Image|endswith: '\\cmd.exe'\ncondition: selection", undefined, 'related:\n  - id: 2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091\n    type: derived') },
];

describe.skipIf(!HAVE_SHARED)('valid rules give no diagnostic', () => {
  const data = sharedData();

  it('tests/fixtures/valid: detection with tripline metadata, correlation and filter', async () => {
    const ruleSet = await loadRules([join(REPO, 'tests/fixtures/valid')]);
    expect(ruleSet.entries.length).toBe(4);
    expect(checkRuleSet(ruleSet, { data }).map(formatDiagnostic)).toEqual([]);
  });

  it.each(VALID)('$name', ({ text }) => {
    const ruleSet = loadRuleTexts({ 'valid.yml': text });
    expect(ruleSet.entries.length).toBe(1);
    expect(checkRuleSet(ruleSet, { data }).map(formatDiagnostic)).toEqual([]);
  });
});

describe('without reference data', () => {
  it('only says, once each, that ATT&CK and schema checks were skipped', async () => {
    const ruleSet = await loadRules([join(REPO, 'tests/fixtures/valid')]);
    const codes = checkRuleSet(ruleSet, {}).map((d) => d.code);
    expect(codes.sort()).toEqual(['TL232', 'TL310']);
  });
});
