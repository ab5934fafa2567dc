/**
 * Node-only: finds and reads the reference data checks use — ATT&CK (enterprise-techniques.json and
 * enterprise-tactics.json), the Sigma field taxonomy (logsource.json) and the official Sigma JSON schemas —
 * from the shared data folder. Nothing is copied into the repo; what is absent is simply left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReferenceData } from '../types.js';
import { buildAttackData } from './attack.js';
import { compileSchemas } from './schemas.js';
import { buildTaxonomy } from './taxonomy.js';

/** Where to look for reference data; the first folder that exists wins. */
export interface ReferenceDataOptions {
  /** Folder with the ATT&CK JSON files (`--attack-data`, config `attack-data`). */
  readonly attackDir?: string;
  /** The shared data folder holding `attack/` and `corpus/` (defaults: ../shared next to the repo or cwd). */
  readonly sharedDir?: string;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The package root: the nearest folder above this module that holds a package.json. This module is
 * src/checks/data/load.ts, dist/checks/data/load.js or part of the CLI bundle in dist/bin/.
 */
function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return here;
  }
}

/** The shared-data folders tried in order. */
export function sharedCandidates(opts: ReferenceDataOptions): string[] {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const list = [opts.sharedDir, env.TRIPLINE_SHARED_DATA, join(packageRoot(), '../shared'), join(cwd, '../shared')];
  return list.filter((d): d is string => typeof d === 'string' && d !== '').map((d) => resolve(cwd, d));
}

/** The ATT&CK folder used: explicit option, env TRIPLINE_ATTACK_DATA, then `<shared>/attack`. */
export function findAttackDir(opts: ReferenceDataOptions): string | undefined {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const explicit = [opts.attackDir, env.TRIPLINE_ATTACK_DATA].filter((d): d is string => !!d);
  const candidates = [...explicit.map((d) => resolve(cwd, d)), ...sharedCandidates(opts).map((d) => join(d, 'attack'))];
  return candidates.find((d) => existsSync(join(d, 'enterprise-techniques.json')));
}

/** Reads every piece of reference data that can be found. */
export function loadReferenceData(opts: ReferenceDataOptions = {}): ReferenceData {
  const shared = sharedCandidates(opts).find((d) => existsSync(join(d, 'corpus')));
  const attackDir = findAttackDir(opts);
  const attack = attackDir
    ? buildAttackData(
        readJson(join(attackDir, 'enterprise-techniques.json')),
        readJsonIfPresent(join(attackDir, 'enterprise-tactics.json')),
      )
    : undefined;
  const logsource = shared ? join(shared, 'corpus/sigma/logsource.json') : undefined;
  const taxonomy = logsource && existsSync(logsource) ? buildTaxonomy(readJson(logsource)) : undefined;
  return Object.freeze({
    attack,
    taxonomy,
    schemas: shared ? loadSigmaSchemas(join(shared, 'corpus/sigma-spec')) : undefined,
  });
}

/** Compiles the official Sigma schemas found in a sigma-spec folder, or undefined when any is missing. */
export function loadSigmaSchemas(specDir: string): ReferenceData['schemas'] {
  const files = {
    detection: 'sigma-detection-rule-schema.json',
    correlation: 'sigma-correlation-rules-schema.json',
    filter: 'sigma-filters-schema.json',
  };
  const paths = Object.values(files).map((f) => join(specDir, f));
  if (!paths.every((p) => existsSync(p))) return undefined;
  return Object.freeze(
    compileSchemas({
      detection: readJson(paths[0]) as object,
      correlation: readJson(paths[1]) as object,
      filter: readJson(paths[2]) as object,
    }),
  );
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function readJsonIfPresent(path: string): unknown {
  return existsSync(path) ? readJson(path) : undefined;
}
