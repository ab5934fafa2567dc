// Bundles the compiled CLI into dist/bin/. Run by `npm run build` after tsc.
// - tripline.cjs: the command line (dist/cli/main.js) and the npm packages it uses, as one CommonJS file,
//   so the bin can run it through V8's code cache (dist/cli/launch.js explains; ~40 ms a run). Packages
//   with native code or only used by tests stay imports.
// - main.js: the bin itself, launch.js.
// - the worker entry points, as ES modules with shared chunks and the packages left as imports.
// Node resolves, reads and links every ES module separately: the ~160 small modules of a command cost
// about 35 ms of start-up, a bundle a handful of files. Every output sits in one folder two levels below
// the package root, as dist/cli/*.js do, so paths made from import.meta.url (content/, dist/site-app/,
// the workers) resolve the same.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bin', { recursive: true, force: true }); // no chunks left over from an earlier build

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: { main: 'dist/cli/launch.js' },
  outdir: 'dist/bin',
  format: 'esm',
});

await build({
  ...common,
  entryPoints: { tripline: 'dist/cli/main.js' },
  outdir: 'dist/bin',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  charset: 'ascii', // launch.js reads it as latin1
  external: ['@duckdb/node-api', 'chdb', 'better-sqlite3', 'playwright-core', '@kusto/*'],
  // import.meta does not exist in CommonJS: every module of the bundle gets the bundle's own URL, which
  // sits where the ES module bundles do.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

// Run from V8's code cache, a script's `import()` fails (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on Node
// 20): packages left out of the bundle must be loaded with `createRequire`, as testing/duckdb.ts does.
// (esbuild prints the calls it keeps with double quotes; doc comments of packages use single ones.)
const dynamicImport = /\bimport\("/.exec(readFileSync('dist/bin/tripline.cjs', 'latin1'));
if (dynamicImport) throw new Error(`dist/bin/tripline.cjs has an import() call at offset ${dynamicImport.index}`);

await build({
  ...common,
  entryPoints: {
    worker: 'dist/checks/worker.js',
    'hunt-worker': 'dist/engine/hunt-worker.js',
    'load-worker': 'dist/ruleset/load-worker.js',
  },
  outdir: 'dist/bin',
  splitting: true,
  format: 'esm',
  packages: 'external',
  chunkNames: '[name]-[hash]',
});
