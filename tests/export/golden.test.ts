/**
 * Golden files: the fixture rule set exported to every platform, one golden folder per platform
 * (tests/golden/export/<platform>/...). UPDATE_GOLDEN=1 rewrites them; a missing or orphaned file fails.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/export/index.js';
import { exportTo, fixtureRules, hasAttack, relativize, repoRoot } from './helpers.js';

const goldenRoot = resolve(repoRoot, 'tests/golden/export');
const update = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe.skipIf(!hasAttack)('export goldens (needs ../shared/attack for ATT&CK names)', () => {
  for (const platform of Object.keys(PLATFORMS)) {
    it(platform, async () => {
      const result = exportTo(await fixtureRules(), platform);
      const dir = join(goldenRoot, platform);
      if (update) {
        rmSync(dir, { recursive: true, force: true });
        for (const f of result.files) {
          mkdirSync(dirname(join(dir, f.path)), { recursive: true });
          writeFileSync(join(dir, f.path), relativize(f.content));
        }
      }
      const expected = listFiles(dir)
        .map((p) => relative(dir, p))
        .sort();
      expect(result.files.map((f) => f.path).sort(), `files of ${platform} (UPDATE_GOLDEN=1 to accept)`).toEqual(
        expected,
      );
      for (const f of result.files)
        expect(relativize(f.content), `${platform}/${f.path}`).toBe(readFileSync(join(dir, f.path), 'utf8'));
    });
  }

  it('exporting twice gives identical bytes', async () => {
    const rules = await fixtureRules();
    for (const platform of Object.keys(PLATFORMS))
      expect(exportTo(rules, platform).files).toEqual(exportTo(rules, platform).files);
  });
});
