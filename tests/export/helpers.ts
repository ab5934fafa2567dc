/** Shared setup of the export tests: fixture rule set, shared data paths, a fixed clock. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportRuleSet, loadAttack, platformByName } from '../../src/export/index.js';
import type { ExportOptions, ExportResult } from '../../src/export/types.js';
import { loadRules } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const shared = resolve(repoRoot, '../shared');
export const fixturesDir = resolve(import.meta.dirname, 'fixtures');
export const attackDir = resolve(shared, 'attack');
export const schemasDir = resolve(shared, 'export-schemas');
export const hasAttack = existsSync(resolve(attackDir, 'enterprise-techniques.json'));

/** Options with a fixed date so outputs are reproducible. */
export function options(overrides: Partial<ExportOptions> = {}): ExportOptions {
  return {
    schedule: '5m',
    lookback: '10m',
    attack: hasAttack ? loadAttack(attackDir) : undefined,
    today: '2026-11-25',
    ...overrides,
  };
}

/** The fixture rule set, with paths relative to the repo so goldens do not depend on the checkout. */
export async function fixtureRules(): Promise<RuleSet> {
  return loadRules([resolve(fixturesDir)]);
}

/** Exports a rule set to a platform by name. */
export function exportTo(ruleSet: RuleSet, platform: string, overrides: Partial<ExportOptions> = {}): ExportResult {
  const p = platformByName(platform);
  if (!p) throw new Error(`no platform ${platform}`);
  return exportRuleSet(ruleSet, p, options(overrides));
}

/** Makes absolute fixture paths in output repo-relative. */
export function relativize(text: string): string {
  return text.split(`${repoRoot}/`).join('');
}
