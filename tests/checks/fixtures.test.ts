/**
 * RuleTester-style table: every diagnostic code has a deliberately broken fixture under
 * tests/fixtures/broken/<code>-<name>.yml, and the diagnostic must appear at the listed line:column in
 * every output format (text, json, sarif, junit).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKS, checkRuleSet } from '../../src/checks/index.js';
import type { ReferenceData } from '../../src/checks/types.js';
import { type CheckName, CODES } from '../../src/core/codes.js';
import { loadRules } from '../../src/ruleset/load.js';
import { findInEveryFormat, HAVE_SHARED, REPO, sharedData } from './helpers.js';

const BROKEN = join(REPO, 'tests/fixtures/broken');

/** Which reference data a case runs with. */
type DataMode = 'shared' | 'no-schemas' | 'no-attack';

interface Case {
  readonly code: string;
  /** The fixture (file or folder) under tests/fixtures/broken, or `generated:` for inputs made at test time. */
  readonly fixture: string;
  readonly line: number;
  readonly column: number;
  /** The file the diagnostic is in, when the fixture is a folder. */
  readonly file?: string;
  readonly data?: DataMode;
  /** The case needs ../shared data (ATT&CK, taxonomy or Sigma schemas). */
  readonly needsShared?: boolean;
}

// biome-ignore format: one row per code reads best as a table
const CASES: readonly Case[] = [
  { code: 'TL001', fixture: 'TL001-read-error.yml', line: 1, column: 1 },
  { code: 'TL002', fixture: 'TL002-yaml-syntax.yml', line: 2, column: 1 },
  { code: 'TL003', fixture: 'TL003-file-encoding.yml', line: 1, column: 1 },
  { code: 'TL004', fixture: 'TL004-binary-file.yml', line: 1, column: 1 },
  { code: 'TL005', fixture: 'generated:large', line: 1, column: 1 },
  { code: 'TL006', fixture: 'TL006-yaml-alias-limit.yml', line: 1, column: 1 },
  { code: 'TL007', fixture: 'TL007-empty-file.yml', line: 1, column: 1 },
  { code: 'TL008', fixture: 'TL008-not-a-mapping.yml', line: 1, column: 1 },
  { code: 'TL009', fixture: 'TL009-duplicate-key.yml', line: 22, column: 1 },
  { code: 'TL101', fixture: 'TL101-missing-detection.yml', line: 1, column: 1 },
  { code: 'TL102', fixture: 'TL102-missing-condition.yml', line: 15, column: 1 },
  { code: 'TL103', fixture: 'TL103-condition-syntax.yml', line: 18, column: 27 },
  { code: 'TL104', fixture: 'TL104-unknown-modifier.yml', line: 17, column: 5 },
  { code: 'TL105', fixture: 'TL105-invalid-modifier-combination.yml', line: 17, column: 5 },
  { code: 'TL106', fixture: 'TL106-invalid-regex.yml', line: 17, column: 21 },
  { code: 'TL107', fixture: 'TL107-invalid-cidr.yml', line: 17, column: 25 },
  { code: 'TL108', fixture: 'TL108-empty-value-list.yml', line: 17, column: 12 },
  { code: 'TL109', fixture: 'TL109-condition-too-deep.yml', line: 18, column: 214 },
  { code: 'TL110', fixture: 'TL110-undefined-search.yml', line: 18, column: 32 },
  { code: 'TL111', fixture: 'TL111-unused-search.yml', line: 18, column: 3 },
  { code: 'TL112', fixture: 'TL112-invalid-search.yml', line: 18, column: 10 },
  { code: 'TL113', fixture: 'TL113-invalid-value.yml', line: 17, column: 19 },
  { code: 'TL114', fixture: 'TL114-unsafe-regex.yml', line: 17, column: 23 },
  { code: 'TL115', fixture: 'TL115-invalid-correlation.yml', line: 8, column: 9 },
  { code: 'TL116', fixture: 'TL116-invalid-filter.yml', line: 9, column: 3 },
  { code: 'TL117', fixture: 'TL117-unknown-rule-reference.yml', line: 1, column: 1 },
  { code: 'TL118', fixture: 'TL118-duplicate-id.yml', line: 23, column: 1 },
  { code: 'TL119', fixture: 'TL119-unknown-rule-type.yml', line: 1, column: 1 },
  { code: 'TL201', fixture: 'TL201-missing-id.yml', line: 1, column: 1 },
  { code: 'TL202', fixture: 'TL202-invalid-id.yml', line: 2, column: 5 },
  { code: 'TL203', fixture: 'TL203-missing-title.yml', line: 1, column: 1 },
  { code: 'TL204', fixture: 'TL204-invalid-title.yml', line: 1, column: 8 },
  { code: 'TL205', fixture: 'TL205-missing-description.yml', line: 1, column: 1 },
  { code: 'TL206', fixture: 'TL206-missing-level.yml', line: 1, column: 1 },
  { code: 'TL207', fixture: 'TL207-invalid-level.yml', line: 21, column: 8 },
  { code: 'TL208', fixture: 'TL208-missing-status.yml', line: 1, column: 1 },
  { code: 'TL209', fixture: 'TL209-invalid-status.yml', line: 3, column: 9 },
  { code: 'TL210', fixture: 'TL210-missing-date.yml', line: 1, column: 1 },
  { code: 'TL211', fixture: 'TL211-invalid-date.yml', line: 8, column: 7 },
  { code: 'TL212', fixture: 'TL212-invalid-modified.yml', line: 9, column: 11 },
  { code: 'TL213', fixture: 'TL213-modified-before-date.yml', line: 9, column: 11 },
  { code: 'TL214', fixture: 'TL214-missing-author.yml', line: 1, column: 1 },
  { code: 'TL215', fixture: 'TL215-duplicate-fields.yml', line: 22, column: 5 },
  { code: 'TL216', fixture: 'TL216-invalid-related-type.yml', line: 5, column: 11 },
  { code: 'TL217', fixture: 'TL217-invalid-related-id.yml', line: 4, column: 9 },
  { code: 'TL218', fixture: 'TL218-duplicate-title.yml', line: 23, column: 8 },
  { code: 'TL219', fixture: 'TL219-duplicate-references.yml', line: 7, column: 5 },
  { code: 'TL220', fixture: 'TL220-duplicate-filename', file: 'b/proc_creation_win_fixture.yml', line: 1, column: 1 },
  { code: 'TL221', fixture: 'TL221-redundant-modified.yml', line: 9, column: 11 },
  { code: 'TL222', fixture: 'TL222-misspelt-attribute.yml', line: 19, column: 1 },
  { code: 'TL230', fixture: 'TL230-tripline-metadata.yml', line: 23, column: 15 },
  { code: 'TL231', fixture: 'TL231-sigma-schema.yml', line: 8, column: 3, needsShared: true },
  { code: 'TL232', fixture: 'TL232-schema-unavailable.yml', line: 1, column: 1, data: 'no-schemas' },
  { code: 'TL301', fixture: 'TL301-duplicate-tag.yml', line: 12, column: 5 },
  { code: 'TL302', fixture: 'TL302-invalid-tag-format.yml', line: 11, column: 5 },
  { code: 'TL303', fixture: 'TL303-unknown-tag-namespace.yml', line: 11, column: 5 },
  { code: 'TL304', fixture: 'TL304-invalid-attack-tag.yml', line: 11, column: 5 },
  { code: 'TL305', fixture: 'TL305-unknown-attack-technique.yml', line: 11, column: 5, needsShared: true },
  { code: 'TL306', fixture: 'TL306-revoked-attack-technique.yml', line: 11, column: 5, needsShared: true },
  { code: 'TL307', fixture: 'TL307-deprecated-attack-technique.yml', line: 11, column: 5, needsShared: true },
  { code: 'TL308', fixture: 'TL308-unknown-attack-tactic.yml', line: 10, column: 5, needsShared: true },
  { code: 'TL309', fixture: 'TL309-legacy-attack-tactic.yml', line: 10, column: 5 },
  { code: 'TL310', fixture: 'TL310-attack-data-unavailable.yml', line: 10, column: 5, data: 'no-attack' },
  { code: 'TL311', fixture: 'TL311-invalid-car-tag.yml', line: 11, column: 5 },
  { code: 'TL312', fixture: 'TL312-invalid-cve-tag.yml', line: 11, column: 5 },
  { code: 'TL313', fixture: 'TL313-invalid-d3fend-tag.yml', line: 11, column: 5 },
  { code: 'TL314', fixture: 'TL314-invalid-tlp-tag.yml', line: 11, column: 5 },
  { code: 'TL315', fixture: 'TL315-invalid-detection-tag.yml', line: 11, column: 5 },
  { code: 'TL316', fixture: 'TL316-invalid-stp-tag.yml', line: 11, column: 5 },
  { code: 'TL401', fixture: 'TL401-all-of-them-single-search.yml', line: 18, column: 14 },
  { code: 'TL402', fixture: 'TL402-one-of-single-search.yml', line: 18, column: 14 },
  { code: 'TL403', fixture: 'TL403-wildcard-instead-of-modifier.yml', line: 17, column: 18 },
  { code: 'TL404', fixture: 'TL404-escaped-wildcard.yml', line: 17, column: 27 },
  { code: 'TL405', fixture: 'TL405-double-wildcard.yml', line: 17, column: 27 },
  { code: 'TL406', fixture: 'TL406-number-as-string.yml', line: 17, column: 14 },
  { code: 'TL407', fixture: 'TL407-control-character.yml', line: 17, column: 21 },
  { code: 'TL408', fixture: 'TL408-all-single-value.yml', line: 17, column: 5 },
  { code: 'TL409', fixture: 'TL409-all-without-contains.yml', line: 17, column: 5 },
  { code: 'TL410', fixture: 'TL410-duplicate-value.yml', line: 20, column: 9 },
  { code: 'TL411', fixture: 'TL411-case-sensitive-windows-path.yml', line: 17, column: 15 },
  { code: 'TL501', fixture: 'TL501-unknown-field.yml', line: 17, column: 5, needsShared: true },
  { code: 'TL502', fixture: 'TL502-specific-logsource.yml', line: 17, column: 14 },
  { code: 'TL503', fixture: 'TL503-unknown-logsource.yml', line: 13, column: 13, needsShared: true },
];

/** Codes that no rule file can trigger, with the reason; each has its own test elsewhere. */
const NOT_FROM_A_FILE: Readonly<Record<string, string>> = {
  TL199: 'check-failed reports a crashing check (a bug); runner.test.ts injects a throwing check',
};

// biome-ignore format: a list of names
/** The catalog names the loader (src/sigma, src/ir, src/ruleset) emits; `tripline check` reports them too. */
const PARSE_STAGE: readonly CheckName[] = [
  'read-error', 'yaml-syntax', 'file-encoding', 'binary-file', 'file-too-large', 'yaml-alias-limit', 'empty-file',
  'not-a-mapping', 'duplicate-key', 'missing-detection', 'missing-condition', 'condition-syntax', 'unknown-modifier',
  'invalid-modifier-combination', 'invalid-regex', 'invalid-cidr', 'empty-value-list', 'condition-too-deep',
  'undefined-search', 'invalid-search', 'invalid-value', 'unsafe-regex', 'invalid-correlation', 'invalid-filter',
  'unknown-rule-reference', 'duplicate-id', 'unknown-rule-type',
];

const tmp = mkdtempSync(join(tmpdir(), 'tripline-fixtures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fixturePath(c: Case): string {
  if (c.fixture === 'generated:large') {
    const file = join(tmp, 'TL005-file-too-large.yml');
    writeFileSync(file, `title: too large\ndescription: '${'x'.repeat(5 * 1024 * 1024)}'\n`);
    return file;
  }
  return join(BROKEN, c.fixture);
}

function dataFor(mode: DataMode | undefined, shared: ReferenceData): ReferenceData {
  if (mode === 'no-schemas') return { ...shared, schemas: undefined };
  if (mode === 'no-attack') return { ...shared, attack: undefined };
  return shared;
}

describe('every diagnostic code has a broken fixture', () => {
  it('lists every code tripline check reports exactly once (or says why it cannot come from a file)', () => {
    const listed = CASES.map((c) => c.code);
    expect(new Set(listed).size).toBe(listed.length);
    const reported = [...PARSE_STAGE, ...CHECKS.map((c) => c.name)].map((n) => CODES[n].code);
    expect(reported.filter((c) => !listed.includes(c) && !(c in NOT_FROM_A_FILE))).toEqual([]);
    const catalog: string[] = Object.values(CODES).map((c) => c.code);
    expect(listed.filter((c) => !catalog.includes(c))).toEqual([]);
  });

  it('has no orphaned fixture and names each fixture after its code', () => {
    const used = new Set(CASES.map((c) => c.fixture));
    const orphans = readdirSync(BROKEN).filter((f) => !used.has(f));
    expect(orphans).toEqual([]);
    for (const c of CASES)
      if (!c.fixture.startsWith('generated:')) expect(c.fixture.startsWith(`${c.code}-`)).toBe(true);
  });
});

describe.each(CASES)('$code $fixture', (c) => {
  it.skipIf(c.needsShared && !HAVE_SHARED)(
    `reports ${c.code} at ${c.line}:${c.column} in text, json, sarif and junit`,
    async () => {
      const path = fixturePath(c);
      const ruleSet = await loadRules([path]);
      const diagnostics = checkRuleSet(ruleSet, { data: dataFor(c.data, sharedData()) });
      const file = c.file ? join(path, c.file) : path;
      const hit = diagnostics.find((d) => d.code === c.code && d.file === file);
      expect(
        hit,
        `${c.code} not reported; got ${diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`).join(', ')}`,
      ).toBeDefined();
      expect(hit?.message.length).toBeGreaterThan(10);
      const problems = findInEveryFormat(ruleSet.files, diagnostics, {
        file,
        code: c.code,
        line: c.line,
        column: c.column,
      });
      expect(problems).toEqual([]);
    },
  );
});
