/** Writes an export's files into a folder (Node only; the writers themselves return text). */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirectory } from '../ruleset/files.js';
import type { ExportResult } from './types.js';

/** Writes every file of an export under `dir`, creating folders as needed. */
export function writeExport(dir: string, result: ExportResult): void {
  for (const f of result.files) {
    const path = join(dir, f.path);
    makeDirectory(dirname(path));
    writeFileSync(path, f.content);
  }
}
