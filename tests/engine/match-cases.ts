/**
 * Engine semantics as data: one rule (its detection block) and events that must and must not match.
 * Each case is run with and without the literal index.
 */
import type { FieldValue } from '../../src/sources/event.js';

/** One semantics case. */
export interface MatchCase {
  readonly name: string;
  /** The `detection:` block, indented by two spaces. */
  readonly detection: string;
  readonly match: readonly Record<string, FieldValue>[];
  readonly noMatch: readonly Record<string, FieldValue>[];
}

export const MATCH_CASES: readonly MatchCase[] = [
  {
    name: 'exact string, case-insensitive',
    detection: "  sel:\n    Image: 'C:\\Windows\\System32\\cmd.exe'\n  condition: sel",
    match: [{ Image: 'c:\\windows\\system32\\CMD.EXE' }, { Image: ['x', 'C:\\Windows\\System32\\cmd.exe'] }],
    noMatch: [
      { Image: 'C:\\Windows\\System32\\cmd.exe ' },
      { Image: null },
      {},
      { Other: 'C:\\Windows\\System32\\cmd.exe' },
    ],
  },
  {
    name: 'contains / startswith / endswith',
    detection:
      "  sel:\n    CommandLine|contains: 'whoami'\n    Image|endswith: '\\cmd.exe'\n    ParentImage|startswith: 'C:\\Program'\n  condition: sel",
    match: [{ CommandLine: 'x WHOAMI /all', Image: 'd:\\cmd.exe', ParentImage: 'c:\\program files\\a.exe' }],
    noMatch: [
      { CommandLine: 'who ami', Image: 'd:\\cmd.exe', ParentImage: 'c:\\program files\\a.exe' },
      { CommandLine: 'whoami', Image: 'd:\\cmd.exe.bak', ParentImage: 'c:\\program files\\a.exe' },
      { CommandLine: 'whoami', Image: 'd:\\cmd.exe', ParentImage: 'd:\\c:\\program' },
    ],
  },
  {
    name: 'wildcards * and ? in the middle',
    detection: "  sel:\n    CommandLine: 'a*b?c*d'\n  condition: sel",
    match: [
      { CommandLine: 'abxcd' },
      { CommandLine: 'A-B-C-D' },
      { CommandLine: 'aXXbYcZZd' },
      { CommandLine: 'ab?cd' },
    ],
    noMatch: [{ CommandLine: 'abcd' }, { CommandLine: 'abxcdx' }, { CommandLine: 'xabxcd' }, { CommandLine: 'bxcd' }],
  },
  {
    name: 'only ? wildcards fix the length',
    detection: "  sel:\n    Code: 'a??'\n  condition: sel",
    match: [{ Code: 'abc' }, { Code: 'A12' }],
    noMatch: [{ Code: 'ab' }, { Code: 'abcd' }],
  },
  {
    name: 'escaped wildcards are literal',
    detection: "  sel:\n    Name|contains: 'a\\*b'\n  condition: sel",
    match: [{ Name: 'xa*by' }],
    noMatch: [{ Name: 'axb' }, { Name: 'ab' }],
  },
  {
    name: 'cased modifier',
    detection: "  sel:\n    Name|cased: 'Evil'\n  condition: sel",
    match: [{ Name: 'Evil' }],
    noMatch: [{ Name: 'evil' }, { Name: 'EVIL' }],
  },
  {
    name: 'keywords search every string value',
    detection: "  keywords:\n    - 'mimikatz'\n    - 'sekurlsa::'\n  condition: keywords",
    match: [{ A: 'run MIMIKATZ now' }, { B: ['x', 'sekurlsa::logonpasswords'] }, { C: { nested: 'mimikatz.exe' } }],
    noMatch: [{ A: 'mimi katz' }, { N: 123 }, {}],
  },
  {
    name: 'numbers match numeric values and decimal strings',
    detection: '  sel:\n    EventID: 4688\n  condition: sel',
    match: [{ EventID: 4688 }, { EventID: '4688' }, { EventID: ' 4688.0 ' }, { EventID: [1, 4688] }],
    noMatch: [{ EventID: 4689 }, { EventID: '4688a' }, { EventID: null }, {}],
  },
  {
    name: 'a number-like string value matches the string form',
    detection: "  sel:\n    Port: '443'\n  condition: sel",
    match: [{ Port: 443 }, { Port: '443' }],
    noMatch: [{ Port: 4430 }, { Port: '0443' }],
  },
  {
    name: 'booleans',
    detection: '  sel:\n    Enabled: true\n  condition: sel',
    match: [{ Enabled: true }, { Enabled: 'TRUE' }, { Enabled: [false, true] }],
    noMatch: [{ Enabled: false }, { Enabled: 'false' }, { Enabled: 1 }, {}],
  },
  {
    name: 'null means absent or null',
    detection: '  sel:\n    Parent: null\n  condition: sel',
    match: [{}, { Parent: null }],
    noMatch: [{ Parent: '' }, { Parent: 'x' }, { Parent: 0 }],
  },
  {
    name: 'exists',
    detection: '  sel:\n    Hash|exists: true\n  condition: sel',
    match: [{ Hash: '' }, { Hash: 'abc' }, { Hash: 0 }],
    noMatch: [{}, { Hash: null }],
  },
  {
    name: 'exists false',
    detection: '  sel:\n    Hash|exists: false\n  condition: sel',
    match: [{}, { Hash: null }],
    noMatch: [{ Hash: 'abc' }],
  },
  {
    name: 'regex is case-sensitive and unanchored',
    detection: "  sel:\n    CommandLine|re: '-e(nc|ncodedcommand) [A-Za-z0-9+/=]{8}'\n  condition: sel",
    match: [{ CommandLine: 'powershell -enc SQBFAFgAIAA=' }, { CommandLine: ['x', 'a -encodedcommand AAAAAAAA'] }],
    noMatch: [{ CommandLine: 'powershell -ENC SQBFAFgAIAA=' }, { CommandLine: '-enc short' }],
  },
  {
    name: 'regex flags i, m, s',
    detection: "  sel:\n    A|re|i: '^evil$'\n    B|re|m: '^line2$'\n    C|re|s: 'a.b'\n  condition: sel",
    match: [{ A: 'EVIL', B: 'line1\nline2', C: 'a\nb' }],
    noMatch: [
      { A: 'EVIL ', B: 'line1\nline2', C: 'a\nb' },
      { A: 'evil', B: 'line1 line2', C: 'a\nb' },
    ],
  },
  {
    name: 'cidr IPv4',
    detection: "  sel:\n    DestinationIp|cidr: '10.0.0.0/8'\n  condition: sel",
    match: [
      { DestinationIp: '10.1.2.3' },
      { DestinationIp: '::ffff:10.0.0.1' },
      { DestinationIp: ['1.1.1.1', '10.255.255.255'] },
    ],
    noMatch: [{ DestinationIp: '11.0.0.1' }, { DestinationIp: '10.0.0' }, { DestinationIp: 'fe80::1' }, {}],
  },
  {
    name: 'cidr IPv6',
    detection: "  sel:\n    DestinationIp|cidr: 'fe80::/10'\n  condition: sel",
    match: [{ DestinationIp: 'fe80::1' }, { DestinationIp: 'FEBF:0:0:0:0:0:0:1' }, { DestinationIp: 'fe80::1%12' }],
    noMatch: [{ DestinationIp: 'fec0::1' }, { DestinationIp: '10.0.0.1' }],
  },
  {
    name: 'gt / lte comparisons',
    detection: '  sel:\n    Size|gt: 100\n    Count|lte: 5\n  condition: sel',
    match: [
      { Size: 101, Count: 5 },
      { Size: '200', Count: '-1' },
    ],
    noMatch: [
      { Size: 100, Count: 5 },
      { Size: 101, Count: 6 },
      { Size: 'big', Count: 1 },
    ],
  },
  {
    name: 'date parts (UTC)',
    detection: '  sel:\n    UtcTime|hour|gte: 22\n  condition: sel',
    match: [{ UtcTime: '2024-03-01T23:10:00Z' }, { UtcTime: Date.UTC(2024, 2, 1, 22, 0) }],
    noMatch: [{ UtcTime: '2024-03-01T21:59:59Z' }, { UtcTime: 'not a date' }],
  },
  {
    name: 'date part week is the ISO week',
    detection: '  sel:\n    T|week: 1\n  condition: sel',
    match: [{ T: '2024-01-01T00:00:00Z' }, { T: '2019-12-30T12:00:00Z' }],
    noMatch: [{ T: '2024-01-08T00:00:00Z' }, { T: '2020-12-31T12:00:00Z' }],
  },
  {
    name: 'fieldref equals, case-insensitive',
    detection: "  sel:\n    Image|fieldref: 'ParentImage'\n  condition: sel",
    match: [{ Image: 'C:\\a.exe', ParentImage: 'c:\\A.EXE' }],
    noMatch: [{ Image: 'C:\\a.exe', ParentImage: 'C:\\b.exe' }, { Image: 'C:\\a.exe' }],
  },
  {
    name: 'fieldref endswith',
    detection: "  sel:\n    TargetFilename|fieldref|endswith: 'Name'\n  condition: sel",
    match: [{ TargetFilename: 'c:\\x\\evil.dll', Name: 'EVIL.dll' }],
    noMatch: [{ TargetFilename: 'c:\\x\\evil.dll', Name: 'evil' }],
  },
  {
    name: 'all modifier needs every value',
    detection: "  sel:\n    CommandLine|contains|all: ['-nop', '-w hidden']\n  condition: sel",
    match: [{ CommandLine: 'powershell -NOP -W HIDDEN' }],
    noMatch: [{ CommandLine: 'powershell -nop' }],
  },
  {
    name: 'and / or / not with a filter',
    detection:
      "  sel:\n    Image|endswith: '\\rundll32.exe'\n  filter:\n    CommandLine|contains: 'shell32.dll'\n  condition: sel and not filter",
    match: [{ Image: 'c:\\rundll32.exe', CommandLine: 'evil.dll,Run' }, { Image: 'c:\\rundll32.exe' }],
    noMatch: [{ Image: 'c:\\rundll32.exe', CommandLine: 'shell32.dll,Control_RunDLL' }, { Image: 'c:\\cmd.exe' }],
  },
  {
    name: '1 of selection_*',
    detection:
      "  selection_a:\n    Image|endswith: '\\a.exe'\n  selection_b:\n    OriginalFileName: 'b.exe'\n  condition: 1 of selection_*",
    match: [{ Image: 'c:\\a.exe' }, { OriginalFileName: 'B.EXE' }],
    noMatch: [{ Image: 'c:\\b.exe' }],
  },
  {
    name: 'all of them',
    detection: "  s1:\n    A: 'x'\n  s2:\n    B: 'y'\n  condition: all of them",
    match: [{ A: 'x', B: 'y' }],
    noMatch: [{ A: 'x' }, { B: 'y' }],
  },
  {
    name: 'base64offset contains',
    detection: "  sel:\n    CommandLine|base64offset|contains: 'http://'\n  condition: sel",
    match: [{ CommandLine: 'powershell -e aHR0cDovL2V4YW1wbGU=' }, { CommandLine: 'x Imh0dHA6Ly9' }],
    noMatch: [{ CommandLine: 'powershell http://' }],
  },
  {
    name: 'windash accepts - and /',
    detection: "  sel:\n    CommandLine|windash|contains: ' -exec '\n  condition: sel",
    match: [{ CommandLine: 'psexec -exec x' }, { CommandLine: 'psexec /exec x' }],
    noMatch: [{ CommandLine: 'psexec exec x' }],
  },
  {
    name: 'dotted field names read nested objects',
    detection: "  sel:\n    process.name: 'cmd.exe'\n  condition: sel",
    match: [{ process: { name: 'CMD.exe' } }, { 'process.name': 'cmd.exe' }],
    noMatch: [{ process: { name: 'x.exe' } }, { process: 'cmd.exe' }],
  },
  {
    name: 'field names never read Object.prototype',
    detection: '  sel:\n    constructor|exists: true\n  condition: sel',
    match: [{ constructor: 'x' }],
    noMatch: [{}, { other: 1 }],
  },
];
