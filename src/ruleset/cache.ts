/**
 * An opt-in cache of parsed rules (Node only), like ESLint's `--cache`: each rule file's IR rules and
 * diagnostics are stored under a key made of tripline's version, the file's path and its exact bytes, so a
 * changed file, a moved file or a new tripline never reads a stale entry. Parsing YAML is most of the cost of
 * loading a large rule set; a warm cache skips it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Rule } from '../ir/types.js';
import { VERSION } from '../version.js';

/** What one rule file parsed to. */
export interface CachedFile {
  readonly rules: readonly Rule[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The default cache folder: $XDG_CACHE_HOME/tripline or ~/.cache/tripline. */
export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tripline');
}

/** A cache of parsed rule files in a folder. Unreadable or corrupt entries are simply misses. */
export class RuleCache {
  constructor(private readonly dir: string) {}

  /** The cached parse of a file's bytes, if any. */
  get(file: string, bytes: Uint8Array): CachedFile | undefined {
    try {
      const cached = JSON.parse(readFileSync(this.path(file, bytes), 'utf8')) as CachedFile;
      return { rules: cached.rules.map(deepFreeze), diagnostics: cached.diagnostics.map(deepFreeze) };
    } catch {
      return undefined;
    }
  }

  /** Stores a file's parse; a write that fails leaves the cache as it was. */
  set(file: string, bytes: Uint8Array, value: CachedFile): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const target = this.path(file, bytes);
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(value));
      renameSync(temp, target);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }

  private path(file: string, bytes: Uint8Array): string {
    const h = createHash('sha256').update(`${VERSION}\0${file}\0`).update(bytes).digest('hex');
    return join(this.dir, `${h}.json`);
  }
}

/** Freezes an object graph, as the IR builders do. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
