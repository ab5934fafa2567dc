/**
 * Rules and events for list-valued and nested fields in the SQL target tests: the unnamed EventData `Data`
 * of Windows logs is a list of strings, `UserData` is a nested object. A field test matches when any scalar
 * element matches (objects hold no value); a keyword searches every string leaf at any depth.
 */
import type { Logsource } from '../../src/ir/types.js';
import { loadRuleTexts } from '../../src/ruleset/load.js';
import type { FieldValue } from '../../src/sources/event.js';

const LS = 'logsource:\n  product: windows\n  service: application\n';

/** Rule texts over list and nested values, one per construct. */
const RULES: Record<string, string> = {
  contains: `detection:\n  sel:\n    Data|contains: '\\\\'\n  condition: sel`,
  positions: `detection:\n  a:\n    Data|endswith: '.msi'\n  b:\n    Data|startswith: 'c:\\temp\\'\n  condition: a and not b`,
  exact: `detection:\n  sel:\n    Data:\n      - 'MSExchange Transport'\n      - 'x'\n  condition: sel`,
  regex: `detection:\n  sel:\n    Data|re: '^C:\\\\[A-Z]'\n  condition: sel`,
  numbers: `detection:\n  a:\n    Data: 4104\n  b:\n    Data|gt: 100\n  condition: a or b`,
  boolean: `detection:\n  sel:\n    Data: true\n  condition: sel`,
  cidr: `detection:\n  sel:\n    Data|cidr: 10.0.0.0/8\n  condition: sel`,
  fieldref: `detection:\n  sel:\n    Data|fieldref: TargetUserName\n  condition: sel`,
  negated: `detection:\n  a:\n    Data|contains: 'temp'\n  b:\n    Data|exists: true\n  condition: b and not a`,
  keywords: `detection:\n  keywords:\n    - 'kiwi'\n    - 'Transport Agent'\n    - '\\\\nested'\n  condition: keywords`,
  number_keyword: `detection:\n  keywords:\n    - 4104\n  condition: keywords`,
  nested_field: `detection:\n  sel:\n    UserData|contains: 'kiwi'\n  condition: sel`,
};

/** The list and nested rules as loaded detections. */
export function listRuleTexts(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(RULES).map(([name, body]) => [
      `lists/${name}.yml`,
      `title: Lists - ${name}\nid: 00000000-0000-4000-8000-0000000000${String(Object.keys(RULES).indexOf(name)).padStart(2, '0')}\nstatus: test\n${LS}${body}\n`,
    ]),
  );
}

/** Loads the list rules; a rule that fails to load is a test failure, not a silent skip. */
export function listRules() {
  const set = loadRuleTexts(listRuleTexts());
  const errors = set.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.file}: ${d.message}`).join('\n'));
  return [...set.detections];
}

const APP: Logsource = { product: 'windows', service: 'application' };

/** Hand-written events with list-valued and nested fields. */
export const LIST_EVENTS: [Logsource, Record<string, FieldValue>][] = [
  [APP, { Data: ['C:\\Temp\\a.msi', 'x'] }],
  [APP, { Data: ['plain', 4104, true, null, { k: 'C:\\x' }] }],
  [APP, { Data: 'C:\\single\\value.MSI' }],
  [APP, { Data: ['d:\\other\\b.msi', 'MSExchange Transport'] }],
  [APP, { UserData: { LogFileCleared: { SubjectUserName: 'KIWI-admin' } }, Data: [] }],
  [APP, { Data: [['in a \\nested list']], Payload: { a: [150, 'the transport agent'] } }],
  [APP, { Data: ['10.1.2.3', '150.5'], TargetUserName: 'x' }],
  [APP, { Data: ['bob', 'alice'], TargetUserName: 'ALICE' }],
  [APP, { Data: { k: '\\', n: 4104 } }],
  [APP, { Data: ['no backslash', 'FALSE', ' 4104.0 '] }],
  [APP, { Data: [' True ', '11.0.0.1'], UserData: 'kiwi as a string' }],
];
