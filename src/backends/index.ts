/**
 * Backends stage. Consumes IR rules after pipelines; produces query text per target. Every target is one
 * `Dialect` table in its own file, registered here by name; the shared emitter and the driver know none
 * of them by name.
 */
import { KQL } from './kql.js';
import { LOGSCALE } from './logscale.js';
import { SIGMA } from './sigma.js';
import { SQL, SQL_CLICKHOUSE, SQL_DUCKDB, SQL_SQLITE } from './sql-targets.js';
import { spl } from './spl.js';
import { eql } from './eql.js';
import { esql } from './esql.js';
import { lucene } from './lucene.js';
import { AQL } from './aql.js';
import { SUMO } from './sumo.js';
import { YARAL } from './yaral.js';
import type { Dialect } from './types.js';

export { type Conversion, convertDetection, convertRuleSet } from './convert.js';
export { emitExpr, unsupported } from './emit.js';
export type * from './types.js';

/** Every target by CLI name. Adding a target adds a line here and a file beside this one. */
export const TARGETS: Readonly<Record<string, Dialect>> = Object.freeze({
  aql: AQL,
  sumo: SUMO,
  yaral: YARAL,
  lucene,
  esql,
  eql,
  spl,
  kql: KQL,
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
