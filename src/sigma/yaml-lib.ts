/**
 * The `yaml` library, loaded on first use. Loading it costs about 40 ms of start-up (some 80 modules), and
 * most runs never need it: the fast path (yaml-fast.ts) reads nearly every rule file. Node loads its
 * CommonJS build synchronously here; the catalog's browser build swaps this file for one that imports
 * the library (site/vite.config.ts).
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let library: typeof Yaml | undefined;

/** The `yaml` library's functions. */
export function yamlLibrary(): typeof Yaml {
  library ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return library;
}
