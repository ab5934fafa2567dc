/** Input expansion: files and folders (walked recursively, sorted) -> the list of files to read. */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedRecord } from './event.js';

/** Byte-order comparison, so the order never depends on the locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Appends the files under `dir` in sorted order; `seen` breaks symlink loops. */
async function walk(dir: string, out: string[], seen: Set<string>, onSkip: (s: SkippedRecord) => void): Promise<void> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    names = (await readdir(dir)).sort(byName);
  } catch (err) {
    onSkip({ file: dir, reason: `cannot read folder: ${(err as Error).message}` });
    return;
  }
  for (const name of names) await visit(join(dir, name), out, seen, onSkip);
}

/** Adds a file, or walks a folder; anything else (missing, unreadable, socket) is reported. */
async function visit(
  path: string,
  out: string[],
  seen: Set<string>,
  onSkip: (s: SkippedRecord) => void,
): Promise<void> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) await walk(path, out, seen, onSkip);
    else if (info.isFile()) out.push(path);
    else onSkip({ file: path, reason: 'not a regular file' });
  } catch (err) {
    onSkip({ file: path, reason: `cannot read: ${(err as Error).message}` });
  }
}

/** Expands paths into files: folders recursively and sorted, duplicates dropped, unreadable paths reported. */
export async function expandInputs(
  paths: readonly string[],
  onSkip: (s: SkippedRecord) => void = () => {},
): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) await visit(p, out, seen, onSkip);
  return [...new Set(out)];
}
