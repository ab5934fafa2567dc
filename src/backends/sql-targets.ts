/**
 * The SQL targets by database. The Dialect registry is flat (one name, one table, no per-target options),
 * so each database is its own target; `sql` is DuckDB, the database tripline embeds.
 */
import { sqlDialect } from './sql.js';
import { CLICKHOUSE } from './sql-clickhouse.js';
import { DUCKDB } from './sql-duckdb.js';
import { SQLITE } from './sql-sqlite.js';

/** `sql`: DuckDB SQL over the tripline events table. */
export const SQL = sqlDialect(DUCKDB, 'sql', 'SQL (DuckDB) over the tripline events table');
/** `sql-duckdb`: the same as `sql`, named explicitly. */
export const SQL_DUCKDB = sqlDialect(DUCKDB, 'sql-duckdb', 'DuckDB SQL over the tripline events table');
/** `sql-clickhouse`: ClickHouse SQL over the tripline events table. */
export const SQL_CLICKHOUSE = sqlDialect(CLICKHOUSE, 'sql-clickhouse', 'ClickHouse SQL over the tripline events table');
/** `sql-sqlite`: SQLite SQL (needs a `regexp` function) over the tripline events table. */
export const SQL_SQLITE = sqlDialect(SQLITE, 'sql-sqlite', 'SQLite SQL over the tripline events table');
