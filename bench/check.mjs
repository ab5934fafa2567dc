// Times `tripline check` over the SigmaHQ corpus: reference data, loading (read + YAML + IR), checkRuleSet,
// and rendering every output format. Run after `npm run build`: node bench/check.mjs [corpus-dir] [runs]
// Also times the worker-thread path (checkPaths, what the CLI runs) and checks it gives the same diagnostics.
// Prints one JSON object; the target is load + check < 5 s on a 2-core machine.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReferenceData } from '../dist/checks/data/load.js';
import { FORMATS } from '../dist/checks/format/index.js';
import { checkRuleSet } from '../dist/checks/index.js';
import { checkPaths } from '../dist/checks/parallel.js';
import { loadRules } from '../dist/ruleset/load.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.argv[2] ?? join(repo, '../shared/corpus/sigma');
const runs = Number(process.argv[3] ?? 3);
if (!existsSync(corpus)) {
  console.error(`corpus not found at ${corpus}; pass the folder as the first argument`);
  process.exit(2);
}

const ms = (t0) => Math.round((performance.now() - t0) * 10) / 10;
// CPU time of this process (all threads): close to wall time for single-threaded phases on an idle machine,
// and much less sensitive to other load on a shared one.
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return Math.round((c.user + c.system) / 100) / 10;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const samples = { data: [], load: [], check: [], total: [], parallel: [], cpuLoad: [], cpuCheck: [], formats: {} };
const threads = Number(process.env.THREADS ?? cpus().length);
let sameAsSequential = true;
let last;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const data = loadReferenceData({ cwd: repo });
  samples.data.push(ms(t0));
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const ruleSet = await loadRules([corpus]);
  samples.load.push(ms(t1));
  samples.cpuLoad.push(cpuMs(c1));
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  const diagnostics = checkRuleSet(ruleSet, { data });
  samples.check.push(ms(t2));
  samples.cpuCheck.push(cpuMs(c2));
  samples.total.push(ms(t0));
  for (const [name, format] of Object.entries(FORMATS)) {
    const t3 = performance.now();
    format({ files: ruleSet.files, diagnostics });
    samples.formats[name] = [...(samples.formats[name] ?? []), ms(t3)];
  }
  last = { files: ruleSet.files.length, rules: ruleSet.entries.length, diagnostics };
  const t4 = performance.now();
  const parallel = await checkPaths([corpus], { threads, dataOptions: { cwd: repo } });
  samples.parallel.push(ms(t4));
  sameAsSequential &&= JSON.stringify(parallel.diagnostics) === JSON.stringify(diagnostics);
}

const bySeverity = (s) => last.diagnostics.filter((d) => d.severity === s).length;
console.log(
  JSON.stringify(
    {
      bench: 'check',
      corpus,
      cpus: cpus().length,
      node: process.version,
      runs,
      files: last.files,
      rules: last.rules,
      diagnostics: { errors: bySeverity('error'), warnings: bySeverity('warning'), infos: bySeverity('info') },
      medianMs: {
        referenceData: median(samples.data),
        load: median(samples.load),
        check: median(samples.check),
        loadPlusCheck: median(samples.total),
        parallelLoadPlusCheck: median(samples.parallel),
        cpuLoad: median(samples.cpuLoad),
        cpuCheck: median(samples.cpuCheck),
        formats: Object.fromEntries(Object.entries(samples.formats).map(([k, v]) => [k, median(v)])),
      },
      threads,
      loadAverage: loadavg()[0],
      sameAsSequential,
      targetMs: 5000,
      samplesMs: samples,
    },
    null,
    2,
  ),
);
