#!/usr/bin/env node
/**
 * Node only: the `tripline` bin (scripts/bundle-cli.mjs bundles it as dist/bin/main.js). It runs the
 * command line, bundled as one CommonJS file beside it (tripline.cjs), through V8's code cache, so a run
 * does not parse and compile again the functions the previous run compiled. Python keeps its .pyc files
 * for the same reason; here it saves ~40 ms of each `tripline convert` (docs/benchmarks.md).
 *
 * Node 22.1+ has this built in (`module.enableCompileCache`) and does it. Node 20 has `vm.Script` with
 * `cachedData`. The cache holds what one run compiled, so there is one per command (`convert`, `hunt`...),
 * as well as per bundle path, Node version and flags. It starts with the bundle's size, time and inode, so
 * a rebuilt bundle never meets the code of the old one (V8 itself checks only the source length, its
 * version and flags). It is written at exit when it was missing, stale or refused by V8; a cache that
 * cannot be read or written is skipped silently. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does
 * Node's own. On a machine with fewer than 4 cores, `convert` and `test` (and `hunt` where the process can
 * be replaced) first start Node again with a V8 thread pool that fits it (v8-pool.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { canReplace, poolOption, restartWith } from './v8-pool.js';

const BUNDLE = fileURLToPath(new URL('./tripline.cjs', import.meta.url));
const CACHE_DIR = join(tmpdir(), 'tripline-compile-cache');
const enableCompileCache = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
/** Lets `import()` in the script load packages as in any module (Node 20.12+; absent before). */
type Loader = vm.ScriptOptions['importModuleDynamically'];
const DEFAULT_LOADER = (vm.constants as unknown as { USE_MAIN_CONTEXT_DEFAULT_LOADER?: Loader } | undefined)
  ?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

const pool = poolOption({
  cores: availableParallelism(),
  command: process.argv[2],
  execArgv: process.execArgv,
  nodeOptions: process.env.NODE_OPTIONS,
  replaces: canReplace(),
});
if (pool) restartWith(pool, run);
else run();

/** Runs the bundle, from the code cache where there is one. */
function run(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) createRequire(BUNDLE)(BUNDLE);
  else if (enableCompileCache) {
    enableCompileCache();
    createRequire(BUNDLE)(BUNDLE);
  } else if (DEFAULT_LOADER) runCached(BUNDLE, DEFAULT_LOADER);
  else createRequire(BUNDLE)(BUNDLE); // Node 20 before 20.12: no cache
}

/** Runs a CommonJS file as `require` would, with its compiled code kept between runs. */
function runCached(file: string, loader: Loader): void {
  const stat = statSync(file);
  const stamp = Buffer.from(`${stat.size} ${stat.mtimeMs} ${stat.ino}\n`);
  const word = process.argv[2] ?? '';
  const command = /^[a-z]{1,16}$/.test(word) ? word : '';
  const name = createHash('md5').update([file, command, process.version, process.arch, ...process.execArgv].join('\0'));
  const cacheFile = join(CACHE_DIR, `${name.digest('hex')}.bin`);
  const cached = readIfPresent(cacheFile);
  const fresh = cached?.subarray(0, stamp.length).equals(stamp) === true;
  const cachedData = fresh ? cached?.subarray(stamp.length) : undefined;
  // esbuild writes the bundle in ASCII (other characters escaped), so latin1 reads it without decoding.
  const source = readFileSync(file, 'latin1').replace(/^#!.*/, '');
  const script = new vm.Script(module.wrap(source), { filename: file, cachedData, importModuleDynamically: loader });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => save(cacheFile, stamp, script));
  const require = createRequire(file);
  const mod = { exports: {}, filename: file, id: file, loaded: false, require };
  script.runInThisContext()(mod.exports, require, mod, file, dirname(file));
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache through a temporary name, so a run never reads half of one. */
function save(file: string, stamp: Buffer, script: vm.Script): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, Buffer.concat([stamp, script.createCachedData()]));
    renameSync(temporary, file);
  } catch {
    // a read-only or full temporary folder: the next run compiles again
  }
}
