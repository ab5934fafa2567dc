/**
 * The catalog of diagnostic codes: one entry per named check, with its default severity. Stages emit
 * diagnostics through `report()` so the code, name and severity always agree; a config file can switch
 * a check off or change its severity by name or code (see checks/config.ts).
 */
import { type Diagnostic, diagnostic, type Severity, type Span } from './diagnostic.js';

/** One named check. */
export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  /** One line: what the check looks for. */
  readonly summary: string;
}

/** Every diagnostic tripline can emit, keyed by check name. */
export const CODES = {
  // Reading files (TL0xx)
  'read-error': { code: 'TL001', severity: 'error', summary: 'the file cannot be read' },
  'yaml-syntax': { code: 'TL002', severity: 'error', summary: 'the YAML is malformed' },
  'file-encoding': {
    code: 'TL003',
    severity: 'warning',
    summary: 'the file is not UTF-8 (UTF-16 or Latin-1 was decoded)',
  },
  'binary-file': { code: 'TL004', severity: 'error', summary: 'the file is binary, not YAML' },
  'file-too-large': { code: 'TL005', severity: 'error', summary: 'the file exceeds the size limit for a rule file' },
  'yaml-alias-limit': { code: 'TL006', severity: 'error', summary: 'YAML aliases expand too far (alias bomb)' },
  'empty-file': { code: 'TL007', severity: 'warning', summary: 'the file holds no rule' },
  'not-a-mapping': { code: 'TL008', severity: 'error', summary: 'a YAML document is not a mapping, so not a rule' },
  'duplicate-key': { code: 'TL009', severity: 'error', summary: 'a mapping repeats a key' },
  // Rule structure and detection (TL1xx)
  'missing-detection': { code: 'TL101', severity: 'error', summary: 'a detection rule has no detection section' },
  'missing-condition': { code: 'TL102', severity: 'error', summary: 'the detection has no condition' },
  'condition-syntax': { code: 'TL103', severity: 'error', summary: 'the condition does not parse' },
  'unknown-modifier': { code: 'TL104', severity: 'error', summary: 'a value modifier is not part of Sigma' },
  'invalid-modifier-combination': { code: 'TL105', severity: 'error', summary: 'modifiers that cannot be chained' },
  'invalid-regex': { code: 'TL106', severity: 'error', summary: 'a regular expression does not compile' },
  'invalid-cidr': { code: 'TL107', severity: 'error', summary: 'a CIDR network is malformed' },
  'empty-value-list': { code: 'TL108', severity: 'error', summary: 'a field has an empty list of values' },
  'condition-too-deep': { code: 'TL109', severity: 'error', summary: 'the condition nests too deeply' },
  'undefined-search': { code: 'TL110', severity: 'error', summary: 'the condition names a search that is not defined' },
  'unused-search': {
    code: 'TL111',
    severity: 'warning',
    summary: 'a search is defined but the condition never uses it',
  },
  'invalid-search': {
    code: 'TL112',
    severity: 'error',
    summary: 'a search is neither a map, a list of maps nor a keyword list',
  },
  'invalid-value': { code: 'TL113', severity: 'error', summary: 'a value does not suit its modifiers' },
  'unsafe-regex': {
    code: 'TL114',
    severity: 'warning',
    summary: 'a regular expression uses a construct that linear-time engines lack',
  },
  'invalid-correlation': { code: 'TL115', severity: 'error', summary: 'a correlation rule is malformed' },
  'invalid-filter': { code: 'TL116', severity: 'error', summary: 'a filter rule is malformed' },
  'unknown-rule-reference': {
    code: 'TL117',
    severity: 'error',
    summary: 'a correlation or filter names a rule that is not loaded',
  },
  'duplicate-id': { code: 'TL118', severity: 'error', summary: 'two rules share an id' },
  'invalid-pipeline': { code: 'TL120', severity: 'error', summary: 'a pipeline file is malformed' },
  unsupported: {
    code: 'TL121',
    severity: 'error',
    summary: 'a rule uses a construct the target or pipeline cannot express',
  },
  'conversion-note': { code: 'TL122', severity: 'warning', summary: 'a conversion approximated or adjusted something' },
  'unknown-rule-type': {
    code: 'TL119',
    severity: 'error',
    summary: 'a document is neither a detection, correlation nor filter rule',
  },
  'check-failed': {
    code: 'TL199',
    severity: 'error',
    summary: 'a check crashed on this rule (a tripline bug: please report it with the rule)',
  },
  // Rule metadata (TL2xx)
  'missing-id': { code: 'TL201', severity: 'warning', summary: 'the rule has no `id`' },
  'invalid-id': { code: 'TL202', severity: 'warning', summary: 'the `id` is not a UUID' },
  'missing-title': { code: 'TL203', severity: 'error', summary: 'the rule has no `title`' },
  'invalid-title': {
    code: 'TL204',
    severity: 'warning',
    summary: 'the `title` is not a one-line string of at most 256 characters',
  },
  'missing-description': { code: 'TL205', severity: 'warning', summary: 'the rule has no `description`' },
  'missing-level': { code: 'TL206', severity: 'warning', summary: 'the rule has no `level`' },
  'invalid-level': {
    code: 'TL207',
    severity: 'error',
    summary: 'the `level` is not one of informational, low, medium, high, critical',
  },
  'missing-status': { code: 'TL208', severity: 'info', summary: 'the rule has no `status`' },
  'invalid-status': {
    code: 'TL209',
    severity: 'error',
    summary: 'the `status` is not one of stable, test, experimental, deprecated, unsupported',
  },
  'missing-date': { code: 'TL210', severity: 'info', summary: 'the rule has no creation `date`' },
  'invalid-date': { code: 'TL211', severity: 'error', summary: 'the `date` is not a real YYYY-MM-DD date' },
  'invalid-modified': {
    code: 'TL212',
    severity: 'error',
    summary: 'the `modified` date is not a real YYYY-MM-DD date',
  },
  'modified-before-date': {
    code: 'TL213',
    severity: 'warning',
    summary: 'the `modified` date is earlier than the creation `date`',
  },
  'missing-author': { code: 'TL214', severity: 'info', summary: 'the rule has no `author`' },
  'duplicate-fields': { code: 'TL215', severity: 'warning', summary: 'the `fields` list names a field twice' },
  'invalid-related-type': {
    code: 'TL216',
    severity: 'error',
    summary: 'a `related` entry has a type other than derived, obsolete, merged, renamed, similar',
  },
  'invalid-related-id': {
    code: 'TL217',
    severity: 'warning',
    summary: 'a `related` entry has a missing or non-UUID id, or points at the rule itself',
  },
  'duplicate-title': { code: 'TL218', severity: 'warning', summary: 'two rules of the set share a title' },
  'duplicate-references': { code: 'TL219', severity: 'warning', summary: 'the `references` list repeats a link' },
  'duplicate-filename': { code: 'TL220', severity: 'warning', summary: 'two rule files of the set share a file name' },
  'redundant-modified': { code: 'TL221', severity: 'info', summary: 'the `modified` date equals the creation `date`' },
  'misspelt-attribute': {
    code: 'TL222',
    severity: 'warning',
    summary: 'a top-level key looks like a misspelt Sigma attribute',
  },
  'tripline-metadata': {
    code: 'TL230',
    severity: 'error',
    summary: 'the `tripline:` block does not follow schemas/tripline-rule.schema.json',
  },
  'sigma-schema': {
    code: 'TL231',
    severity: 'error',
    summary: 'the rule does not follow the official Sigma JSON schema',
  },
  'schema-unavailable': {
    code: 'TL232',
    severity: 'info',
    summary: 'the official Sigma JSON schemas were not found, so schema validation was skipped',
  },
  // Tags (TL3xx)
  'duplicate-tag': { code: 'TL301', severity: 'warning', summary: 'the `tags` list repeats a tag' },
  'invalid-tag-format': { code: 'TL302', severity: 'warning', summary: 'a tag is not lower-case `namespace.name`' },
  'unknown-tag-namespace': {
    code: 'TL303',
    severity: 'warning',
    summary: 'a tag namespace is not one of attack, car, cve, d3fend, detection, stp, tlp',
  },
  'invalid-attack-tag': {
    code: 'TL304',
    severity: 'warning',
    summary:
      'an `attack.` tag is neither a tactic nor a technique, group, software, data source, mitigation or asset id',
  },
  'unknown-attack-technique': {
    code: 'TL305',
    severity: 'warning',
    summary: 'an ATT&CK technique tag names no technique in the ATT&CK data',
  },
  'revoked-attack-technique': {
    code: 'TL306',
    severity: 'warning',
    summary: 'an ATT&CK technique tag names a revoked technique',
  },
  'deprecated-attack-technique': {
    code: 'TL307',
    severity: 'warning',
    summary: 'an ATT&CK technique tag names a deprecated technique',
  },
  'unknown-attack-tactic': {
    code: 'TL308',
    severity: 'warning',
    summary: 'an ATT&CK tactic tag names no tactic in the ATT&CK data',
  },
  'legacy-attack-tactic': {
    code: 'TL309',
    severity: 'warning',
    summary: 'an ATT&CK tactic tag uses the old underscore form (defense_evasion)',
  },
  'attack-data-unavailable': {
    code: 'TL310',
    severity: 'info',
    summary: 'no ATT&CK data was found, so ATT&CK tags were checked for format only',
  },
  'invalid-car-tag': { code: 'TL311', severity: 'warning', summary: 'a `car.` tag is not like car.2016-04-005' },
  'invalid-cve-tag': { code: 'TL312', severity: 'warning', summary: 'a `cve.` tag is not like cve.2021-44228' },
  'invalid-d3fend-tag': {
    code: 'TL313',
    severity: 'warning',
    summary: 'a `d3fend.` tag is not a D3FEND technique, artifact or tactic',
  },
  'invalid-tlp-tag': {
    code: 'TL314',
    severity: 'warning',
    summary: 'a `tlp.` tag is not red, amber, amber-strict, green or clear',
  },
  'invalid-detection-tag': {
    code: 'TL315',
    severity: 'warning',
    summary: 'a `detection.` tag is not dfir, emerging-threats or threat-hunting',
  },
  'invalid-stp-tag': {
    code: 'TL316',
    severity: 'warning',
    summary: 'an `stp.` tag is not a Summiting the Pyramid score like stp.3 or stp.4k',
  },
  // Detection style (TL4xx)
  'all-of-them-single-search': {
    code: 'TL401',
    severity: 'warning',
    summary: '`all of them` over a detection with a single search',
  },
  'one-of-single-search': { code: 'TL402', severity: 'info', summary: '`1 of` a pattern that matches a single search' },
  'wildcard-instead-of-modifier': {
    code: 'TL403',
    severity: 'warning',
    summary: 'leading/trailing `*` wildcards where contains, startswith or endswith belongs',
  },
  'escaped-wildcard': {
    code: 'TL404',
    severity: 'info',
    summary: 'a value holds an escaped wildcard (`\\*`), which is rarely meant',
  },
  'double-wildcard': { code: 'TL405', severity: 'warning', summary: 'a value holds `**`, which is the same as `*`' },
  'number-as-string': {
    code: 'TL406',
    severity: 'warning',
    summary: "a number is written as a string (`EventID: '4688'`)",
  },
  'control-character': {
    code: 'TL407',
    severity: 'warning',
    summary: 'a value holds a control character (often a `\\t` or `\\n` from a double-quoted string)',
  },
  'all-single-value': {
    code: 'TL408',
    severity: 'warning',
    summary: 'the `all` modifier with a single value does nothing',
  },
  'all-without-contains': {
    code: 'TL409',
    severity: 'warning',
    summary: '`all` over several exact values can never match',
  },
  'duplicate-value': { code: 'TL410', severity: 'warning', summary: 'a value list repeats a value' },
  'case-sensitive-windows-path': {
    code: 'TL411',
    severity: 'info',
    summary: 'a regex on a Windows path is case-sensitive (no `re|i`)',
  },
  // Taxonomy (TL5xx)
  'unknown-field': {
    code: 'TL501',
    severity: 'info',
    summary: "a field is not in the taxonomy of the rule's log source",
  },
  'specific-logsource': {
    code: 'TL502',
    severity: 'warning',
    summary: 'a specific log source (sysmon EventID) is used where a generic category exists',
  },
  'unknown-logsource': {
    code: 'TL503',
    severity: 'info',
    summary: 'the log source product/category/service is not in the Sigma taxonomy',
  },
} as const satisfies Record<string, CodeInfo>;

/** The name of a check in the catalog. */
export type CheckName = keyof typeof CODES;

/** Builds the diagnostic of a named check. */
export function report(check: CheckName, file: string, span: Span | undefined, message: string): Diagnostic {
  const info: CodeInfo = CODES[check];
  return diagnostic(file, span, info.severity, info.code, check, message);
}
