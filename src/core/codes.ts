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
  'unknown-rule-type': {
    code: 'TL119',
    severity: 'error',
    summary: 'a document is neither a detection, correlation nor filter rule',
  },
} as const satisfies Record<string, CodeInfo>;

/** The name of a check in the catalog. */
export type CheckName = keyof typeof CODES;

/** Builds the diagnostic of a named check. */
export function report(check: CheckName, file: string, span: Span | undefined, message: string): Diagnostic {
  const info: CodeInfo = CODES[check];
  return diagnostic(file, span, info.severity, info.code, check, message);
}
