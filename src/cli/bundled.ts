/**
 * Where the bundled T1195 content pack lives: <package root>/content/t1195/{rules,filters}, two levels above
 * this file in both src/ and dist/. Used by `hunt` (default rules), `test` and `demo`.
 */
import { fileURLToPath } from 'node:url';

/** The bundled pack's folders: detection/correlation rules, and the opt-in tuning filters. */
export interface BundledPack {
  readonly rules: string;
  readonly filters: string;
}

/** The bundled content pack's rules and filters folders (under `root`, default the package root's content/). */
export function bundledRules(root = fileURLToPath(new URL('../../content/', import.meta.url))): BundledPack {
  const base = root.endsWith('/') ? root : `${root}/`;
  return { rules: `${base}t1195/rules`, filters: `${base}t1195/filters` };
}
