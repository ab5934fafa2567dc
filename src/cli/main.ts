#!/usr/bin/env node
/** The `tripline` command line: builds the program from the command table and runs it. */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands.js';
import { EXIT } from './exit.js';

/**
 * Builds the commander program: only the named command when `argv` names one (start-up stays quick),
 * every command otherwise (help, a misspelt command).
 */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('tripline')
    .description(
      'Detection-as-code: Sigma rules checked, compiled to every SIEM, hunted over logs and proven on telemetry.',
    )
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  const named = argv[2];
  const names = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]()));
  for (const register of registers) register(program);
  return program;
}

async function main(): Promise<void> {
  const program = await buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : EXIT.usage;
      return;
    }
    process.stderr.write(`tripline: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = EXIT.internal;
  }
}

// Not awaited: the bin bundles this file as CommonJS (launch.ts), which has no top-level await.
void main();
