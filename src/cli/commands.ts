/**
 * The table of CLI commands: each entry registers one command (one file per command in this folder).
 * Adding a command adds one line here.
 */
import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerConvert } from './convert.js';
import { registerDemo } from './demo.js';
import { registerExport } from './export.js';
import { registerHunt } from './hunt.js';
import { registerList } from './list.js';
import { registerServe } from './serve.js';
import { registerSimulate } from './simulate.js';
import { registerSite } from './site.js';
import { registerTest } from './test.js';

/** Registers a command on the program. */
export type RegisterCommand = (program: Command) => void;

/** Every command of the CLI, in help order. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerCheck,
  registerConvert,
  registerList,
  registerHunt,
  registerSite,
  registerServe,
  registerSimulate,
  registerTest,
  registerDemo,
  registerExport,
];
