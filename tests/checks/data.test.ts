/** Reference data: where it is looked for (flag, config, env, ../shared), and what the builders make of it. */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAttackData } from '../../src/checks/data/attack.js';
import { findAttackDir, loadReferenceData } from '../../src/checks/data/load.js';
import { buildTaxonomy } from '../../src/checks/data/taxonomy.js';
import { HAVE_SHARED, SHARED } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'tripline-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!HAVE_SHARED)('finding ATT&CK data', () => {
  // A copy in a temp folder only (never in the repo) to tell the candidates apart.
  const flagDir = join(tmp, 'flag');
  const envDir = join(tmp, 'env');
  for (const d of [flagDir, envDir]) {
    mkdirSync(d, { recursive: true });
    cpSync(join(SHARED, 'attack/enterprise-techniques.json'), join(d, 'enterprise-techniques.json'));
  }
  const empty = join(tmp, 'nowhere');

  it('prefers the flag, then TRIPLINE_ATTACK_DATA, then ../shared/attack', () => {
    expect(findAttackDir({ attackDir: flagDir, env: { TRIPLINE_ATTACK_DATA: envDir }, cwd: tmp })).toBe(flagDir);
    expect(findAttackDir({ env: { TRIPLINE_ATTACK_DATA: envDir }, cwd: tmp })).toBe(envDir);
    expect(findAttackDir({ env: {}, cwd: tmp })).toBe(join(SHARED, 'attack'));
    expect(findAttackDir({ attackDir: empty, env: {}, sharedDir: empty, cwd: empty })).toBe(join(SHARED, 'attack'));
  });

  it('loads techniques with revocations and tactics', () => {
    const { attack, taxonomy, schemas } = loadReferenceData({ env: {}, cwd: tmp });
    expect(attack?.techniques.get('T1059.001')?.name).toBe('PowerShell');
    expect(attack?.techniques.get('T1002')?.revokedBy).toBe('T1560');
    expect(attack?.tactics.get('defense-evasion')?.id).toBe('TA0005');
    expect(taxonomy?.lookup({ product: 'windows', category: 'process_creation' }).fields?.has('CommandLine')).toBe(
      true,
    );
    expect(schemas?.detection({ title: 'x' }).map((e) => e.message)).toContain(
      'the rule is missing the required key `logsource`',
    );
  });
});

describe('builders', () => {
  it('buildAttackData tolerates junk and keys ids in upper case', () => {
    const a = buildAttackData([null, { id: 't1001', name: 'X', revoked: true, revoked_by: 'T1002' }, 5], {
      tactics: [{}],
    });
    expect(a.techniques.get('T1001')?.revokedBy).toBe('T1002');
    expect(a.tactics.size).toBe(0);
    expect(buildAttackData(undefined, undefined).version).toBe('unknown');
  });

  it('buildTaxonomy: known, unknown and empty field lists', () => {
    const t = buildTaxonomy({
      version: '1',
      legit: { windows: { common: ['EventID'], category: { process_creation: ['Image'] }, service: { sysmon: [] } } },
      addon: { windows: { category: { process_creation: ['Extra'] } } },
    });
    expect([...(t.lookup({ product: 'windows', category: 'process_creation' }).fields ?? [])].sort()).toEqual([
      'EventID',
      'Extra',
      'Image',
    ]);
    expect(t.lookup({ product: 'windows', service: 'sysmon' }).fields).toBeUndefined();
    expect(t.lookup({ product: 'windows', category: 'nope' }).unknown).toEqual(["category 'nope'"]);
    expect(t.lookup({ product: 'amiga' }).unknown).toEqual(["product 'amiga'"]);
  });
});
