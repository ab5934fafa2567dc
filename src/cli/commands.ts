/**
 * The table of CLI commands: each entry loads the file of one command (one file per command in this
 * folder) and gives its register function. Files are loaded on demand, so `tripline convert` does not pay
 * for the modules of `site`, `hunt` or `check`. Adding a command adds one line here.
 */
import type { Command } from 'commander';

/** Registers a command on the program. */
export type RegisterCommand = (program: Command) => void;

/** Every command of the CLI by name, in help order, each loading its own file. */
export const COMMANDS: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  check: async () => (await import('./check.js')).registerCheck,
  convert: async () => (await import('./convert.js')).registerConvert,
  list: async () => (await import('./list.js')).registerList,
  hunt: async () => (await import('./hunt.js')).registerHunt,
  site: async () => (await import('./site.js')).registerSite,
  serve: async () => (await import('./serve.js')).registerServe,
  simulate: async () => (await import('./simulate.js')).registerSimulate,
  test: async () => (await import('./test.js')).registerTest,
  demo: async () => (await import('./demo.js')).registerDemo,
  export: async () => (await import('./export.js')).registerExport,
};
