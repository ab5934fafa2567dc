/**
 * Backends stage. Consumes IR rules after pipelines; produces query text per target. Every target is one
 * `Dialect` table in its own file, registered here by name; the shared emitter and the driver know none
 * of them by name.
 */
import { AQL } from './aql.js';
import { eql } from './eql.js';
import { esql } from './esql.js';
import { KQL } from './kql.js';
import { LOGSCALE } from './logscale.js';
import { lucene } from './lucene.js';
import { SIGMA } from './sigma.js';
import { spl } from './spl.js';
import { SQL, SQL_CLICKHOUSE, SQL_DUCKDB, SQL_SQLITE } from './sql-targets.js';
import { SUMO } from './sumo.js';
import type { Dialect } from './types.js';
import { YARAL } from './yaral.js';

export { type Conversion, convertDetection, convertRuleSet } from './convert.js';
export { emitExpr, unsupported } from './emit.js';
export type * from './types.js';

/** Every target by CLI name. Adding a target adds a line here and a file beside this one. */
export const TARGETS: Readonly<Record<string, Dialect>> = Object.freeze({
  lucene,
  esql,
  eql,
  spl,
  aql: AQL,
  kql: KQL,
  sumo: SUMO,
  yaral: YARAL,
  logscale: LOGSCALE,
  sigma: SIGMA,
  sql: SQL,
  'sql-duckdb': SQL_DUCKDB,
  'sql-clickhouse': SQL_CLICKHOUSE,
  'sql-sqlite': SQL_SQLITE,
});

/** Looks up a target by name. */
export function targetByName(name: string): Dialect | undefined {
  return Object.hasOwn(TARGETS, name) ? TARGETS[name] : undefined;
}
