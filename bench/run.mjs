// Runs every benchmark (bench/<name>.mjs, each printing one JSON object on stdout) on this machine and
// writes docs/benchmarks.md: the machine, then each benchmark's figures. Usage: npm run bench [-- names...]
// A benchmark that fails is reported as failed; the others still run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wanted = process.argv.slice(2);
const names = readdirSync(resolve(root, 'bench'))
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .map((f) => f.slice(0, -4))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();

/** The last top-level JSON object a benchmark printed. */
function lastJson(stdout) {
  const starts = [...stdout.matchAll(/^\{/gm)].map((m) => m.index).reverse();
  for (const s of starts) {
    try {
      return JSON.parse(stdout.slice(s));
    } catch {}
  }
  return undefined;
}

const results = {};
for (const name of names) {
  process.stderr.write(`bench: ${name}...\n`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [resolve(root, 'bench', `${name}.mjs`)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  const seconds = (performance.now() - t) / 1000;
  const json = r.status === 0 ? lastJson(r.stdout) : undefined;
  results[name] = json
    ? { seconds, figures: json }
    : { seconds, failed: (r.stderr || r.error?.message || '').slice(-2000) };
}

/** Flattens nested figures into `a.b.c | value` rows. */
function rows(value, prefix = '') {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return [[prefix, value.join(', ')]];
  return Object.entries(value).flatMap(([k, v]) => rows(v, prefix ? `${prefix}.${k}` : k));
}

const cpu = cpus();
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (bench/run.mjs); every figure below was measured in that one run, baselines',
  'included, on this machine. Targets come from the issues; each benchmark script says how it measures.',
  '',
  `- machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end)`,
  `- node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString().slice(0, 10)}`,
  '',
];
for (const [name, r] of Object.entries(results)) {
  lines.push(`## ${name} (bench/${name}.mjs, ${r.seconds.toFixed(0)} s)`, '');
  if (r.failed !== undefined) {
    lines.push('Failed:', '', '```', r.failed.trim(), '```', '');
    continue;
  }
  lines.push('| figure | value |', '|---|---|');
  for (const [k, v] of rows(r.figures))
    lines.push(`| ${k} | ${typeof v === 'number' ? +v.toFixed(3) : String(v).replace(/\|/g, '\\|')} |`);
  lines.push('');
}
mkdirSync(resolve(root, '.bench'), { recursive: true });
writeFileSync(resolve(root, '.bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(resolve(root, 'docs/benchmarks.md'), `${lines.join('\n')}\n`);
process.stderr.write('bench: wrote docs/benchmarks.md\n');
