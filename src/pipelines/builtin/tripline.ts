/**
 * The tripline events table (`tripline`): every log source lives in one wide table `events`
 * (docs/sql-schema.md) whose columns carry Sigma taxonomy names, so no field is renamed. A rule's log
 * source keys (product, category, service) select rows by the table's meta columns; the SQL targets add
 * that scope from the rule itself, because a pipeline's conditions are fixed values (see docs/targets/sql.md).
 */
import type { PipelineSpec } from '../types.js';

/** The `tripline` pipeline: Sigma names over the normalised `events` table. */
export const TRIPLINE_PIPELINE: PipelineSpec = Object.freeze({
  name: 'tripline',
  description: 'Sigma taxonomy fields over the normalised tripline events table (SQL targets, engine export).',
  targets: ['sql', 'sql-duckdb', 'sql-clickhouse', 'sql-sqlite'],
  logsources: Object.freeze([Object.freeze({ match: {}, table: 'events' })]),
});
