/**
 * Node only: runs the commands that gain from it in a Node whose V8 thread pool fits the machine.
 *
 * Node starts four V8 helper threads (optimising compiler, garbage collector) whatever the machine. With
 * fewer cores than that they take turns with the thread that runs the command: on the 2-core machine of
 * docs/benchmarks.md a conversion of the SigmaHQ corpus took ~15% longer with four helpers than with one,
 * and a hunt ~8% longer. The pool size is a start-up option of Node (`--v8-pool-size`) that a running
 * process cannot change, so the bin starts Node once more with it. Where Node has `process.execve` (22.15+,
 * not on Windows) the new Node replaces this process; elsewhere it runs as a child with the same standard
 * streams, and this process passes signals on and ends as the child ended. That costs one Node start-up
 * (~30 ms on Node 24, ~70 ms on Node 20), so only the commands that were measured to gain do it, and
 * nothing restarts where the pool already fits or where the user set its size.
 */
import { spawn } from 'node:child_process';

/** The helper threads Node starts when `--v8-pool-size` is not given. */
const NODE_DEFAULT_POOL = 4;

/**
 * Commands measured to gain on 2 cores, restart included: `convert` of the SigmaHQ corpus (~10%) and
 * `test` of the T1195 pack (~10%). `check` of the corpus came out even and the site of the pack, a
 * shorter run, lost, so they and the commands not measured run as started. A restart through a child keeps
 * this process (~40 MB) beside it, and a hunt's memory is held under a bound (docs/hunt.md), so a hunt
 * (~8% quicker) restarts only where the new Node replaces this process.
 */
const COMPUTING = new Set(['convert', 'test']);
const COMPUTING_IF_REPLACED = new Set(['hunt']);

/** Signals a parent passes on to its child (the others cannot be caught or do not end a process). */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** What the decision depends on, passed in so that it can be tested on any machine. */
export interface PoolContext {
  readonly cores: number;
  /** The first argument after the script (the command's name, or an option). */
  readonly command: string | undefined;
  readonly execArgv: readonly string[];
  readonly nodeOptions: string | undefined;
  /** True where the new Node can replace this process (`canReplace()`). */
  readonly replaces: boolean;
}

/** The `--v8-pool-size` option to start Node again with, or undefined to go on in this process. */
export function poolOption(c: PoolContext): string | undefined {
  if (c.command === undefined || c.cores >= NODE_DEFAULT_POOL) return undefined;
  if (!COMPUTING.has(c.command) && !(c.replaces && COMPUTING_IF_REPLACED.has(c.command))) return undefined;
  // A debugger attached to this process would see a second one do the work (and its port taken): no restart.
  const given = [...c.execArgv, ...(c.nodeOptions ?? '').split(/\s+/)];
  if (given.some((a) => a.startsWith('--v8-pool-size') || a.startsWith('--inspect'))) return undefined;
  return `--v8-pool-size=${Math.max(1, c.cores - 1)}`;
}

/** `process.execve` (Node 22.15+), which the type definitions of Node 20 do not have. */
const withExecve = process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never };

/** True where a new Node can replace this process (`process.execve`, not on Windows). */
export function canReplace(): boolean {
  return withExecve.execve !== undefined && process.platform !== 'win32';
}

/** Starts this Node program again with one more Node option; `fallback` runs it here if that fails. */
export function restartWith(option: string, fallback: () => void): void {
  const args = [...process.execArgv, option, ...process.argv.slice(1)];
  if (canReplace()) {
    try {
      withExecve.execve?.(process.execPath, [process.execPath, ...args], process.env);
    } catch {
      // the system refused (limits, a changed binary): a child process may still be possible
    }
  }
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of FORWARDED) process.on(s, forward);
  child.once('error', () => {
    for (const s of FORWARDED) process.off(s, forward);
    fallback();
  });
  child.once('exit', (code, signal) => {
    for (const s of FORWARDED) process.off(s, forward);
    // A child ended by a signal ends this process by the same signal, as a shell expects.
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}
