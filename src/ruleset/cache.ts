/**
 * An opt-in cache of parsed rules (Node only), like ESLint's `--cache`. One file per rule set (the paths
 * given on the command line) holds each rule file's IR rules and diagnostics with a digest of the bytes
 * they came from, so one read and one JSON parse restore thousands of files; a changed file's entry simply
 * no longer matches. The file is named after tripline's version and the paths, so a new tripline or
 * another rule set never reads it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { VERSION } from '../version.js';
import { makeDirectory } from './files.js';
import type { ParsedFile } from './types.js';

/** A cache entry: a file's parse and the digest of its bytes. */
interface Entry extends ParsedFile {
  readonly digest: string;
}

/** The default cache folder: $XDG_CACHE_HOME/tripline or ~/.cache/tripline. */
export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tripline');
}

/** The parsed rules of one rule set, read from and written to one file in a cache folder. */
export class RuleCache {
  readonly #path: string;
  readonly #stored: Map<string, Entry>;
  /** The entries of this run: what `save` writes (files no longer loaded drop out). */
  readonly #current = new Map<string, Entry>();
  #changed = false;

  /** Opens the cache of a rule set (the paths as given) in a folder; a missing or corrupt file is empty. */
  constructor(dir: string, paths: readonly string[]) {
    const key = digestOf(`${VERSION}\0${paths.map((p) => resolve(p)).join('\0')}`);
    this.#path = join(dir, `rules-${key}.json`);
    this.#stored = readEntries(this.#path);
  }

  /** The cached parse of a file's bytes, if its entry matches them. */
  get(file: string, bytes: Uint8Array): ParsedFile | undefined {
    const entry = this.#stored.get(file);
    if (!entry || !Array.isArray(entry.rules) || !Array.isArray(entry.diagnostics)) return undefined;
    if (entry.digest !== digestOf(bytes)) return undefined;
    this.#current.set(file, entry);
    return { rules: entry.rules.map(deepFreeze), diagnostics: entry.diagnostics.map(deepFreeze) };
  }

  /** Records a file's parse for `save`. */
  set(file: string, bytes: Uint8Array, value: ParsedFile): void {
    this.#current.set(file, { digest: digestOf(bytes), rules: value.rules, diagnostics: value.diagnostics });
    this.#changed = true;
  }

  /** Writes the entries of this run when any changed or dropped out; a failed write only costs speed. */
  save(): void {
    if (!this.#changed && this.#current.size === this.#stored.size) return;
    try {
      makeDirectory(dirname(this.#path));
      const temp = `${this.#path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ version: VERSION, entries: Object.fromEntries(this.#current) }));
      renameSync(temp, this.#path);
    } catch {
      // A read-only or full disk leaves the cache as it was.
    }
  }
}

function readEntries(path: string): Map<string, Entry> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { version?: string; entries?: Record<string, Entry> };
    return data.version === VERSION && data.entries ? new Map(Object.entries(data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

function digestOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** Freezes an object graph, as the IR builders do (for rules that were copied: cache, worker). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
