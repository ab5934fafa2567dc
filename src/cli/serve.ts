/**
 * `tripline serve [rules...] [--port]`: builds the catalog into a temporary folder, serves it on 127.0.0.1
 * (Node http, no dependencies) and rebuilds when a rule file changes; open pages reload themselves by
 * polling `data/version.txt` (no inline script or websocket, so the CSP stays strict).
 */
import { type FSWatcher, mkdtempSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildSite } from '../site/build.js';
import { serveStatic } from '../site/serve.js';
import { EXIT } from './exit.js';
import { CONTENT_DIR } from './hunt.js';

/** Options of `tripline serve`. */
export interface ServeOptions {
  readonly port?: string;
  readonly attackData?: string;
}

/** Registers `tripline serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the detection catalog on 127.0.0.1 and rebuild it when rules change')
    .argument('[rules...]', 'rule files or folders (default: the bundled content pack)')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '8377')
    .option('--attack-data <dir>', 'folder with the ATT&CK JSON files')
    .action(async (rules: string[], opts: ServeOptions) => {
      process.exitCode = await runServe(rules.length > 0 ? rules : [CONTENT_DIR], opts);
    });
}

async function runServe(rules: readonly string[], opts: ServeOptions): Promise<number> {
  const port = Number(opts.port ?? 8377);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`tripline serve: --port needs a number from 0 to 65535, not '${opts.port}'\n`);
    return EXIT.usage;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tripline-site-'));
  let version = 0;
  const build = async () => {
    try {
      const r = await buildSite({ rules, outDir: dir, attackDir: opts.attackData, live: String(++version) });
      process.stderr.write(`built ${r.rules} rule pages in ${r.ms} ms\n`);
    } catch (e) {
      process.stderr.write(`tripline serve: ${(e as Error).message}\n`);
    }
  };
  await build();
  const server = await serveStatic(dir, port);
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  process.stderr.write(`serving the catalog at http://127.0.0.1:${actual}/ (Ctrl+C to stop)\n`);
  const watchers = watchRules(rules, build);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => {
      for (const w of watchers) w.close();
      server.close(() => done());
    });
  });
  rmSync(dir, { recursive: true, force: true });
  return EXIT.ok;
}

/** Watches rule paths and rebuilds once per burst of changes. */
function watchRules(paths: readonly string[], rebuild: () => Promise<void>): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, 150);
  };
  const watchers: FSWatcher[] = [];
  for (const p of paths) {
    try {
      watchers.push(watch(p, { recursive: true }, schedule));
    } catch (e) {
      process.stderr.write(`tripline serve: cannot watch ${p}: ${(e as Error).message}\n`);
    }
  }
  return watchers;
}
