/** `tripline demo`: sample logs in three formats, detections of the atomic tests grouped by rule, every target. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../../src/backends/index.js';
import { runDemo } from '../../src/cli/demo.js';

describe('tripline demo', () => {
  it('writes EVTX, JSON lines and auditd logs, hunts them and converts the seed 001 rule everywhere', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tripline-demo-test-'));
    let out = '';
    expect(
      await runDemo({ output: dir }, (t) => {
        out += t;
      }),
    ).toBe(0);
    for (const f of ['atomic-tests.evtx', 'background-sysmon.jsonl', 'linux-audit.log']) {
      expect(existsSync(path.join(dir, f))).toBe(true);
      expect(out).toContain(path.join(dir, f));
    }
    expect(out.split('\n').length).toBeLessThan(150);
    expect(out).not.toMatch(/skipped/);
    // Atomic tests 1-4 fire their seed rules (docs/content.md, seed coverage).
    for (const title of [
      'Trusted Installer or Updater Spawns LOLBin',
      'Software Installer or Updater Spawns Suspicious Child Process',
      'Node Package Install Script Spawns Shell or Download Tool on Windows',
      'Python Package Install Spawns Shell or Network Tool on Linux',
      'Binary Hash Verification with certutil or Get-FileHash (Integrity Hunt)',
    ])
      expect(out).toMatch(new RegExp(`\\] ${title.replace(/[()]/g, '\\$&')}  \\(\\d+ events?\\)`));
    for (const t of Object.keys(TARGETS)) {
      expect(out).toContain(`--- ${t}: `);
      expect(existsSync(path.join(dir, 'queries', `${t}.txt`))).toBe(true);
    }
  });
});
