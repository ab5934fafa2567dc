/**
 * The bundled pack passes its own linter: `tripline check content` gives no error or warning (with the
 * official Sigma schemas and ATT&CK data when ../shared has them, and tripline's metadata schema always).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../src/checks/data/load.js';
import { checkRuleSet } from '../../src/checks/index.js';
import { formatDiagnostic } from '../../src/core/diagnostic.js';
import { loadRules } from '../../src/ruleset/load.js';

const content = resolve(import.meta.dirname, '../../content');

describe('the bundled content pack', () => {
  it('has no check errors or warnings', async () => {
    const ruleSet = await loadRules([content]);
    const found = checkRuleSet(ruleSet, { data: loadReferenceData() }).filter((d) => d.severity !== 'info');
    expect(found.map(formatDiagnostic)).toEqual([]);
  });
});
