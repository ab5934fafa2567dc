/** Finds rule files: walks folders (sorted, so results are deterministic) and reads each file once. */
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';

/** File extensions read as rules when a folder is given. */
export const RULE_EXTENSIONS = new Set(['.yml', '.yaml']);

/** Expands files and folders into a sorted list of rule files; unreadable paths become diagnostics. */
export async function findRuleFiles(paths: readonly string[], diagnostics: Diagnostic[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (s.isDirectory()) out.push(...(await walk(p, diagnostics)));
      else out.push(p);
    } catch (e) {
      diagnostics.push(
        report(
          'read-error',
          p,
          undefined,
          `cannot read '${p}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        ),
      );
    }
  }
  return out;
}

async function walk(dir: string, diagnostics: Diagnostic[]): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    diagnostics.push(
      report(
        'read-error',
        dir,
        undefined,
        `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      ),
    );
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full, diagnostics)));
    else if (e.isFile() && RULE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}

/**
 * Reads a file's bytes, or reports why not. Synchronous on purpose: rule files are small (4 MiB at most)
 * and many, and one blocking read each is several times quicker than a promise round trip each.
 */
export function readBytes(file: string, diagnostics: Diagnostic[]): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch (e) {
    diagnostics.push(
      report(
        'read-error',
        file,
        undefined,
        `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      ),
    );
    return undefined;
  }
}
