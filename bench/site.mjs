// Catalog build benchmark: `tripline site` for the bundled T1195 pack, then for the pack plus the SigmaHQ
// corpus; build time and page weight (total, rule data, index data, the app's code chunks). Prints JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = resolve(root, '../shared/corpus/sigma');

/** Total bytes under a folder, and the largest file. */
function weigh(dir) {
  let total = 0;
  let largest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const size = statSync(join(e.parentPath ?? e.path, e.name)).size;
    total += size;
    largest = Math.max(largest, size);
  }
  return { mb: +(total / 2 ** 20).toFixed(1), largestKb: Math.round(largest / 1024) };
}

function build(name, rules) {
  const out = mkdtempSync(join(tmpdir(), 'tripline-site-bench-'));
  const cli = resolve(root, 'dist/bin/main.js');
  const run = spawnSync('/usr/bin/time', ['-f', '%M %e %U %S', process.execPath, cli, 'site', ...rules, '-o', out], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const [kb, secs, user, sys] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  const pages = readdirSync(join(out, 'data/rules')).length;
  const result = {
    rules: name,
    pages,
    seconds: secs,
    cpuSeconds: +(user + sys).toFixed(1),
    peakRssMb: Math.round(kb / 1024),
    total: weigh(out),
    ruleData: weigh(join(out, 'data/rules')),
    indexKb: Math.round(statSync(join(out, 'data/index.json')).size / 1024),
    appCode: weigh(join(out, 'assets')),
  };
  rmSync(out, { recursive: true, force: true });
  return result;
}

const content = resolve(root, 'content');
console.log(
  JSON.stringify(
    { pack: build('T1195 pack', [content]), corpus: build('pack + SigmaHQ corpus', [content, corpus]) },
    null,
    2,
  ),
);
