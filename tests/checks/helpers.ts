/** Shared test helpers for tests/checks: reference data from ../shared, running checks, rendering every format. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { loadReferenceData } from '../../src/checks/data/load.js';
import { FORMATS, type FormatName } from '../../src/checks/format/index.js';
import type { ReferenceData } from '../../src/checks/types.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';

/** The repository root. */
export const REPO = resolve(import.meta.dirname, '../..');
/** The shared data folder (read-only, never copied in). */
export const SHARED = resolve(REPO, '../shared');
/** True when the shared ATT&CK data, taxonomy and Sigma schemas are present. */
export const HAVE_SHARED =
  existsSync(resolve(SHARED, 'attack/enterprise-techniques.json')) &&
  existsSync(resolve(SHARED, 'corpus/sigma-spec/sigma-detection-rule-schema.json')) &&
  existsSync(resolve(SHARED, 'corpus/sigma/logsource.json'));

/** Reference data read from ../shared (empty when absent). */
export function sharedData(): ReferenceData {
  return HAVE_SHARED ? loadReferenceData({ sharedDir: SHARED, env: {} }) : {};
}

/** Parses XML with saxes (throws on malformed XML) and returns all text content joined by newlines. */
export function xmlText(xml: string): string {
  const parser = new SaxesParser();
  const parts: string[] = [];
  parser.on('text', (t) => parts.push(t));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return parts.join('\n');
}

/** Where a diagnostic is expected. */
export interface Expected {
  readonly file: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

/** Asserts, format by format, that a diagnostic with the code sits at line:column; returns the failures. */
export function findInEveryFormat(
  files: readonly string[],
  diagnostics: readonly Diagnostic[],
  want: Expected,
): string[] {
  const report = { files, diagnostics };
  const problems: string[] = [];
  const where = `${want.file}:${want.line}:${want.column}:`;
  const finders: Record<FormatName, (out: string) => boolean> = {
    text: (out) => out.split('\n').some((l) => l.startsWith(where) && l.includes(` ${want.code} `)),
    json: (out) =>
      JSON.parse(out).diagnostics.some(
        (d: Diagnostic) =>
          d.file === want.file && d.code === want.code && d.line === want.line && d.column === want.column,
      ),
    sarif: (out) =>
      JSON.parse(out).runs[0].results.some(
        (r: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
        }) =>
          r.ruleId === want.code &&
          decodeURI(r.locations[0].physicalLocation.artifactLocation.uri) === want.file &&
          r.locations[0].physicalLocation.region.startLine === want.line &&
          r.locations[0].physicalLocation.region.startColumn === want.column,
      ),
    junit: (out) =>
      xmlText(out)
        .split('\n')
        .some((l) => l.startsWith(where) && l.includes(` ${want.code} `)),
  };
  for (const [name, find] of Object.entries(finders)) {
    if (!find(FORMATS[name as FormatName](report))) problems.push(`${name}: no ${want.code} at ${where}`);
  }
  return problems;
}
