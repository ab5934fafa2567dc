/**
 * The SigmaHQ corpus (../shared/corpus/sigma, 3,780 rules): every rule loads into the IR, and checking
 * the whole set gives warnings and info at most. A rule that is really broken must be listed below by
 * path with the reason; a listed rule that stops failing fails the test, so the list never goes stale.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRuleSet } from '../../src/checks/index.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { loadRules } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/ruleset/types.js';
import { HAVE_SHARED, SHARED, sharedData } from './helpers.js';

const CORPUS = join(SHARED, 'corpus/sigma');

/** Corpus rules allowed to have errors: path (relative to corpus/sigma) -> why. Empty today. */
const ALLOWED_ERRORS: Readonly<Record<string, string>> = {};

describe.skipIf(!HAVE_SHARED || !existsSync(CORPUS))('SigmaHQ corpus', () => {
  let ruleSet: RuleSet;
  let diagnostics: Diagnostic[];

  it('loads every rule file into the IR', async () => {
    ruleSet = await loadRules([CORPUS]);
    expect(ruleSet.files.length).toBeGreaterThanOrEqual(3780);
    const loaded = new Set(ruleSet.entries.filter((e) => e.rule !== undefined).map((e) => e.document.file));
    const missing = ruleSet.files.filter((f) => !loaded.has(f)).map((f) => relative(CORPUS, f));
    expect(missing.filter((f) => !(f in ALLOWED_ERRORS))).toEqual([]);
  });

  it('checks give warnings and info at most (errors only for allow-listed rules)', () => {
    diagnostics = checkRuleSet(ruleSet, { data: sharedData() });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const unexpected = errors
      .filter((d) => !(relative(CORPUS, d.file) in ALLOWED_ERRORS))
      .map((d) => `${relative(CORPUS, d.file)}:${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(unexpected).toEqual([]);
    const stale = Object.keys(ALLOWED_ERRORS).filter((f) => !errors.some((d) => relative(CORPUS, d.file) === f));
    expect(stale, 'allow-listed rules that no longer fail: remove them from ALLOWED_ERRORS').toEqual([]);
  });

  it('never reports the checks that must stay quiet on well-formed rules', () => {
    // The corpus passes the official schemas and the parser; these checks firing would be false positives.
    const quiet = new Set(['TL199', 'TL231', 'TL232', 'TL310', 'TL201', 'TL203', 'TL207', 'TL209', 'TL211', 'TL212']);
    expect(diagnostics.filter((d) => quiet.has(d.code)).map((d) => `${relative(CORPUS, d.file)} ${d.code}`)).toEqual(
      [],
    );
  });
});
