/**
 * Generated artefacts stay in step with the code: docs/diagnostics.md (from the CODES catalog and the
 * check registry) and schemas/tripline-rule.schema.json (from src/checks/schema/tripline-schema.ts).
 * UPDATE_GOLDEN=1 rewrites them; CI never does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiagnosticsDoc } from '../../src/checks/docs.js';
import { TRIPLINE_RULE_SCHEMA } from '../../src/checks/schema/tripline-schema.js';
import { CODES } from '../../src/core/codes.js';
import { REPO } from './helpers.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1' && process.env.CI !== 'true';

function golden(path: string, expected: string): void {
  const file = join(REPO, path);
  if (UPDATE) writeFileSync(file, expected);
  expect(existsSync(file), `${path} is missing; run UPDATE_GOLDEN=1 npx vitest run tests/checks/docs.test.ts`).toBe(
    true,
  );
  expect(
    readFileSync(file, 'utf8'),
    `${path} is stale; run UPDATE_GOLDEN=1 npx vitest run tests/checks/docs.test.ts`,
  ).toBe(expected);
}

describe('generated files', () => {
  it('docs/diagnostics.md documents every code', () => {
    const doc = renderDiagnosticsDoc();
    for (const { code } of Object.values(CODES)) expect(doc).toContain(`${code} |`);
    golden('docs/diagnostics.md', doc);
  });

  it('schemas/tripline-rule.schema.json is the schema the checker uses', () => {
    golden('schemas/tripline-rule.schema.json', `${JSON.stringify(TRIPLINE_RULE_SCHEMA, null, 2)}\n`);
  });
});
