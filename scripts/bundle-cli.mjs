// Bundles the compiled CLI (dist/cli/main.js and the worker entry points) into dist/bin/, one file per
// entry plus shared chunks, with the npm dependencies left as imports. Node resolves, reads and links every
// ES module separately; the ~160 small modules of a command cost about 35 ms of start-up, the bundle
// a handful of files. Every output sits in one folder two levels below the package root, as dist/cli/*.js
// do, so paths made from import.meta.url (content/, dist/site-app/, the workers) resolve the same.
// Run by `npm run build` after tsc.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bin', { recursive: true, force: true }); // no chunks left over from an earlier build

await build({
  entryPoints: {
    main: 'dist/cli/main.js',
    worker: 'dist/checks/worker.js',
    'hunt-worker': 'dist/engine/hunt-worker.js',
    'load-worker': 'dist/ruleset/load-worker.js',
  },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
