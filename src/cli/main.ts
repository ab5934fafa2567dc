#!/usr/bin/env node
/** The `tripline` command line: builds the program from the command table and runs it. */
import module from 'node:module';
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
  // Node 22.1+ keeps V8's compiled code of the modules on disk between runs (commands load theirs lazily,
  // after this line); older Node has no such cache and skips it.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
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

await main();
