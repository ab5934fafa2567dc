// Runs every benchmark (bench/<name>.mjs, each printing one JSON object on stdout) on this machine and
// writes docs/benchmarks.md: the machine, then each benchmark's figures. Usage: npm run bench [-- names...]
// A benchmark that fails is reported as failed; the others still run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

// Naming benchmarks re-runs just those; the others keep their figures from the last full run.
const previous = resolve(root, '.bench/results.json');
const results = wanted.length > 0 && existsSync(previous) ? JSON.parse(readFileSync(previous, 'utf8')) : {};
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
  const rerun = wanted.length > 0;
  results[name] = json
    ? { seconds, rerun, figures: json }
    : { seconds, rerun, failed: (r.stderr || r.error?.message || '').slice(-2000) };
}

/** A figure with its unit, or a dash when the benchmark did not produce it. */
function fig(value, unit = '', digits = 0) {
  return typeof value === 'number' ? `${value.toLocaleString('en-US', { maximumFractionDigits: digits })}${unit}` : '—';
}

/** Met / not met against a target, or blank when the figure is missing. */
function verdict(ok) {
  return ok === undefined ? '' : ok ? 'met' : '**not met**';
}

/** The headline figures against the issues' targets, read from each benchmark's JSON. */
function summary(all) {
  const f = (name) => all[name]?.figures;
  const check = f('check');
  const conv = f('convert');
  const evtx = f('evtx');
  const hunt = f('hunt');
  const site = f('site');
  const cov = f('coverage');
  const rows = [];
  const add = (what, measured, baseline, ratio, ok) =>
    rows.push(`| ${what} | ${measured} | ${baseline} | ${ratio} | ${verdict(ok)} |`);
  const checkMs = check?.medianMs?.loadPlusCheck;
  add(
    'check: load + check the SigmaHQ corpus (3,780 rules)',
    fig(checkMs, ' ms'),
    'target 5,000 ms',
    '',
    checkMs === undefined ? undefined : checkMs < 5000,
  );
  // pySigma's figure is for a query backend; the `sigma` target (normalised YAML back out) has no pySigma
  // counterpart and gets its own row.
  const queryTargets = Object.entries(conv?.freshProcess ?? {}).filter(([name]) => name !== 'sigma');
  const fresh = queryTargets.map(([, x]) => x.wallMs);
  if (fresh.length) {
    const worst = Math.max(...fresh);
    const best = Math.min(...fresh);
    const slowest = queryTargets.find(([, x]) => x.wallMs === worst)?.[0];
    add(
      `convert: whole corpus to one query language, fresh process, median of runs (best / worst target: ${slowest})`,
      `${fig(best, ' ms')} / ${fig(worst, ' ms')}`,
      'pySigma ≈ 11,000 ms (issue 3)',
      `${fig(11000 / worst, '×', 1)}–${fig(11000 / best, '×', 1)} faster`,
      11000 / worst >= 10,
    );
  }
  // The issue's own targets: kql with the mde pipeline and sql with DuckDB.
  const named = ['kql', 'sql-duckdb'].map((t) => conv?.freshProcess?.[t]?.wallMs);
  if (named.every((x) => x !== undefined)) {
    const worst = Math.max(...named);
    add(
      "convert to issue 3's targets, fresh process, median of runs: kql (mde) / sql-duckdb",
      `${fig(named[0], ' ms')} / ${fig(named[1], ' ms')}`,
      'pySigma ≈ 11,000 ms (issue 3)',
      `${fig(11000 / named[0], '×', 1)} / ${fig(11000 / named[1], '×', 1)} faster`,
      11000 / worst >= 10,
    );
  }
  const sigmaOut = conv?.freshProcess?.sigma?.wallMs;
  if (sigmaOut !== undefined)
    add(
      'convert to `sigma` (normalised Sigma YAML, js-yaml writer), fresh process',
      fig(sigmaOut, ' ms'),
      'no pySigma counterpart',
      `${fig(11000 / sigmaOut, '×', 1)} of 11,000 ms`,
      undefined,
    );
  const pool = conv?.poolKql;
  if (pool)
    add(
      `convert kql, fresh process: the bin as shipped vs Node's default V8 pool of 4 helpers (${pool.cpus} cores; alternating runs, medians)`,
      `${fig(pool.shippedMs, ' ms')} vs ${fig(pool.defaultPoolMs, ' ms')}`,
      '',
      `${fig(pool.shippedMs / pool.defaultPoolMs, '', 2)}`,
      undefined,
    );
  const py = conv?.pyyamlKql;
  if (py?.pyyamlSafeLoadMs)
    add(
      "convert kql, fresh process, vs PyYAML `SafeLoader` reading the corpus (the base of pySigma's rule loader, a part of its work; alternating runs, medians)",
      fig(py.kqlMs, ' ms'),
      `PyYAML alone ${fig(py.pyyamlSafeLoadMs, ' ms')}`,
      `${fig(py.pyyamlSafeLoadMs / py.kqlMs, '×', 1)} faster`,
      undefined,
    );
  const lts = conv?.nodeLts;
  for (const target of ['kql', 'yaral']) {
    const pair = lts?.[target];
    if (!pair) continue;
    add(
      `convert ${target}, fresh process, on Node ${lts.node} (current LTS, from the npm registry) vs this machine's Node (alternating runs, medians)`,
      `${fig(pair.ltsMs, ' ms')} vs ${fig(pair.thisNodeMs, ' ms')}`,
      'pySigma ≈ 11,000 ms (issue 3)',
      `${fig(11000 / pair.ltsMs, '×', 1)} faster on Node 24`,
      undefined,
    );
  }
  const one = conv?.noCodeCacheKql?.wallMs;
  if (one !== undefined)
    add(
      'convert without the code cache (first run after a build or a Node upgrade), kql, fresh process',
      fig(one, ' ms'),
      'pySigma ≈ 11,000 ms (issue 3)',
      `${fig(11000 / one, '×', 1)} faster`,
      11000 / one >= 10,
    );
  const warm = Object.entries(conv?.cachedProcess?.warm ?? {})
    .filter(([name]) => name !== 'sigma')
    .map(([, x]) => x.wallMs);
  if (warm.length) {
    const worst = Math.max(...warm);
    const best = Math.min(...warm);
    add(
      'convert --cache, warm (unchanged rule files): fresh process, query languages (best / worst target)',
      `${fig(best, ' ms')} / ${fig(worst, ' ms')}`,
      'pySigma ≈ 11,000 ms (issue 3)',
      `${fig(11000 / worst, '×', 1)}–${fig(11000 / best, '×', 1)} faster`,
      11000 / worst >= 10,
    );
  }
  const kql = conv?.inProcess?.targets?.kql;
  if (kql)
    add(
      'convert in-process, kql: rule loading + conversion (conversion alone)',
      `${fig(kql.loadPlusConvertMs, ' ms')} (${fig(kql.convertMs, ' ms')})`,
      '',
      '',
      undefined,
    );
  const big = evtx?.large;
  if (big)
    add(
      'EVTX parse, 162 MB file, fresh processes (median of 3): records/s vs libevtx evtxexport',
      fig(big.recordsPerSecond, '/s'),
      `evtxexport ${fig(big.evtxexportSeconds, ' s', 2)} vs ${fig(big.seconds, ' s', 2)}${
        big.inProcess ? ` (in-process pass ${fig(big.inProcess.seconds, ' s', 2)})` : ''
      }`,
      fig(big.ratio, '×', 2),
      big.ratio >= 3,
    );
  const j = hunt?.jsonl;
  if (j)
    add(
      'hunt JSONL, all Windows rules, one thread (in-process), vs a bare JSON.parse loop',
      fig(j.huntEventsPerSecond, ' ev/s'),
      fig(j.bareParseEventsPerSecond, ' ev/s'),
      `${fig(j.ratio, '', 2)} (CPU ${fig(j.cpuRatio, '', 2)})`,
      j.ratio >= 0.5,
    );
  const cli = hunt?.bigInput?.workersDefault;
  if (j && cli?.eventsPerSecond)
    add(
      `hunt JSONL as shipped: \`tripline hunt\` with its defaults (${cli.workers} worker${cli.workers === 1 ? '' : 's'}), ${fig(hunt.bigInput.gb, ' GB', 2)}, whole command, vs the bare JSON.parse loop (one thread); medians of ${cli.runs ?? 1} and 3 runs`,
      fig(cli.eventsPerSecond, ' ev/s'),
      fig(j.bareParseEventsPerSecond, ' ev/s'),
      fig(cli.eventsPerSecond / j.bareParseEventsPerSecond, '', 2),
      cli.eventsPerSecond / j.bareParseEventsPerSecond >= 0.5,
    );
  const e = hunt?.evtx;
  if (e)
    add(
      'hunt EVTX, all Windows rules, one core',
      fig(e.eventsPerSecond, ' ev/s'),
      'target 50,000 ev/s',
      `CPU ${fig(e.eventsPerCpuSecond, ' ev/s')}`,
      e.eventsPerSecond >= 50000,
    );
  for (const w of ['workersDefault', 'workers1', 'workers2']) {
    const b = hunt?.bigInput?.[w];
    const n = b?.workers ?? Number(w.slice(-1));
    const label = `${n} worker${n === 1 ? '' : 's'}${w === 'workersDefault' ? `, the default, highest of ${b?.runs ?? 1} runs` : ''}`;
    if (b)
      add(
        `hunt ${fig(hunt.bigInput.gb, ' GB', 2)} JSONL, peak RSS (${label})`,
        fig(b.peakRssMb, ' MB'),
        'target 300 MB',
        `${fig(b.seconds, ' s', 1)}`,
        b.peakRssMb < 300,
      );
  }
  for (const k of ['pack', 'corpus']) {
    const s = site?.[k];
    if (s)
      add(
        `site build: ${s.rules} (${fig(s.pages)} pages)`,
        fig(s.seconds, ' s', 1),
        `${fig(s.total.mb, ' MB', 1)} total, index ${fig(s.indexKb, ' KB')}, app code ${fig(s.appCode.mb, ' MB', 1)}`,
        '',
        undefined,
      );
  }
  const out = [
    "## Summary against the issues' targets",
    '',
    '| figure | measured | baseline / target | ratio | |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ];
  if (cov?.targets) {
    out.push(
      '## Corpus coverage per target (SigmaHQ, default pipelines)',
      '',
      '| target | pipelines | converted | unsupported | pySigma | most common unsupported reasons |',
      '|---|---|---|---|---|---|',
    );
    for (const [t, c] of Object.entries(cov.targets))
      out.push(
        `| ${t} | ${c.pipelines} | ${c.converted} | ${c.unsupported} | ${c.pysigma} | ${String(c.top_unsupported).replace(/\|/g, '\\|')} |`,
      );
    out.push('');
  }
  return out;
}

/** Flattens nested figures into `a.b.c | value` rows. */
function rows(value, prefix = '') {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return [[prefix, value.join(', ')]];
  return Object.entries(value).flatMap(([k, v]) => rows(v, prefix ? `${prefix}.${k}` : k));
}

const cpu = cpus();
const reran = Object.entries(results)
  .filter(([, r]) => r.rerun)
  .map(([name]) => name);
const lines = [
  '# Benchmarks',
  '',
  ...(reran.length > 0
    ? [
        `Written by \`npm run bench\` (bench/run.mjs); \`node bench/run.mjs <names>\` later re-ran ${reran.join(', ')} and`,
        'replaced those figures, every other figure is from the full run. Each baseline is measured in the same',
        'run as the figure it is compared with, on this machine.',
      ]
    : [
        'Written by `npm run bench` (bench/run.mjs); every figure below was measured in that one run, baselines',
        'included, on this machine.',
      ]),
  'Targets come from the issues; each benchmark script says how it measures. The host is shared: the same',
  "benchmark varies by ±15–20% from one run to the next (the EVTX ratio mostly with evtxexport's own time).",
  '',
  `- machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end)`,
  `- node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString().slice(0, 10)}`,
  '',
];
lines.push(...summary(results));
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
