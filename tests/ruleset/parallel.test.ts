/**
 * Loading on two threads (the built CLI: the worker runs from dist/) gives the same rule set as one thread:
 * `tripline convert -j 2` writes the same bytes as `-j 1`, with or without the cache, on a rule set large
 * enough for the worker to start (every bundled rule copied under new names and ids).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/bin/main.js');
const dir = mkdtempSync(join(tmpdir(), 'tripline-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 480 rule files: the pack's detection rules, each copied with a numbered title and a fresh id. */
beforeAll(() => {
  const pack = join(root, 'content/t1195/rules');
  const texts = readdirSync(pack)
    .map((f) => readFileSync(join(pack, f), 'utf8'))
    .filter((t) => !/^correlation:/m.test(t));
  const rules = join(dir, 'rules');
  mkdirSync(rules, { recursive: true });
  for (let i = 0; i < 480; i++) {
    const hex = i.toString(16).padStart(12, '0');
    const text = texts[i % texts.length]
      .replace(/^id: .*$/m, `id: 00000000-0000-4000-8000-${hex}`)
      .replace(/^title: (.*)$/m, `title: $1 (${i})`)
      .replace(/^name: .*$/m, '');
    writeFileSync(join(rules, `r${String(i).padStart(3, '0')}.yml`), text);
  }
});

const convert = (...args: string[]) =>
  execFileSync(process.execPath, [cli, 'convert', join(dir, 'rules'), '-t', 'kql', '-f', 'json', '-s', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });

describe.skipIf(!existsSync(cli))('rule loading on two threads (built CLI)', () => {
  it('converts to the same bytes as one thread, cold and warm from the cache', () => {
    const one = convert('-j', '1');
    expect(JSON.parse(one).rules.length).toBeGreaterThan(400);
    expect(convert('-j', '2')).toBe(one);
    const cache = join(dir, 'cache');
    expect(convert('-j', '2', '--cache', cache)).toBe(one);
    expect(convert('-j', '2', '--cache', cache)).toBe(one);
  });
});
