/**
 * The three real SQL engines for the SQL target tests: embedded DuckDB, embedded ClickHouse (chdb) and
 * SQLite (better-sqlite3 with `regexp` and Unicode `lower` registered, as docs/targets/sql.md asks of a
 * host). Each loads the events table from `eventsToRows` and returns the `record` column of a query.
 */

import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { RE2JS } from 're2js';
import { CLICKHOUSE } from '../../src/backends/sql-clickhouse.js';
import { DUCKDB } from '../../src/backends/sql-duckdb.js';
import type { SqlFlavor } from '../../src/backends/sql-flavor.js';
import { eventColumns, eventsToRows, rowValues } from '../../src/backends/sql-schema.js';
import { SQLITE } from '../../src/backends/sql-sqlite.js';
import type { LogEvent } from '../../src/sources/event.js';

/**
 * Whether embedded ClickHouse is installed. chdb publishes platform packages that npm's lock file cannot
 * hold (some are missing from the registry), so it is installed outside the lock: `.ci/run` does
 * `npm install --no-save chdb`, and a clone without it skips the ClickHouse tests.
 */
export const CHDB_AVAILABLE: boolean = (() => {
  try {
    createRequire(import.meta.url).resolve('chdb');
    return true;
  } catch {
    return false;
  }
})();

/** One embedded database holding the events table. */
export interface SqlEngine {
  readonly name: 'sql-duckdb' | 'sql-clickhouse' | 'sql-sqlite';
  readonly flavor: SqlFlavor;
  /** Replaces the table's rows. */
  load(events: readonly LogEvent[]): Promise<void>;
  /** Runs a query and returns its rows as objects. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

function literal(f: SqlFlavor, v: string | number | null): string {
  if (v === null) return 'NULL';
  return typeof v === 'number' ? String(v) : f.quote(v);
}

function insertSql(f: SqlFlavor, events: readonly LogEvent[]): string {
  const cols = eventColumns()
    .map((c) => f.ident(c))
    .join(', ');
  const rows = eventsToRows(events).map(
    (r) =>
      `(${rowValues(r)
        .map((v) => literal(f, v))
        .join(', ')})`,
  );
  return `INSERT INTO events (${cols}) VALUES ${rows.join(', ')}`;
}

/** Embedded DuckDB. */
export async function duckdbEngine(): Promise<SqlEngine> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(DUCKDB.ddl());
  return {
    name: 'sql-duckdb',
    flavor: DUCKDB,
    async load(events) {
      await conn.run('DELETE FROM events');
      if (events.length) await conn.run(insertSql(DUCKDB, events));
    },
    async rows(sql) {
      return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    },
    close: () => conn.closeSync(),
  };
}

/** Embedded ClickHouse (one session per test file: it is heavy). */
export function clickhouseEngine(): SqlEngine {
  const { Session } = createRequire(import.meta.url)('chdb') as {
    Session: new () => { query(sql: string, format?: string): string; close(): void };
  };
  const session = new Session();
  session.query(CLICKHOUSE.ddl());
  return {
    name: 'sql-clickhouse',
    flavor: CLICKHOUSE,
    async load(events) {
      session.query('TRUNCATE TABLE events');
      if (events.length)
        session.query(insertSql(CLICKHOUSE, events).replace(/'(\d{4}-\d\d-\d\d)T([^']*)Z'/g, "'$1 $2'"));
    },
    async rows(sql) {
      const text = session.query(sql, 'JSONEachRow');
      return text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
    },
    close: () => session.close(),
  };
}

/** SQLite with the host functions the SQLite flavor needs. */
export function sqliteEngine(): SqlEngine {
  const db = new Database(':memory:');
  const cache = new Map<string, RE2JS>();
  db.function('regexp', { deterministic: true }, (re: unknown, x: unknown) => {
    if (x === null || re === null) return null;
    let c = cache.get(String(re));
    if (!c) {
      c = RE2JS.compile(String(re));
      cache.set(String(re), c);
    }
    return c.matcher(String(x)).find() ? 1 : 0;
  });
  db.function('lower', { deterministic: true }, (x: unknown) => (x === null ? null : String(x).toLowerCase()));
  db.exec(SQLITE.ddl());
  return {
    name: 'sql-sqlite',
    flavor: SQLITE,
    async load(events) {
      db.exec('DELETE FROM events');
      if (events.length) db.exec(insertSql(SQLITE, events));
    },
    async rows(sql) {
      return db.prepare(sql).all() as Record<string, unknown>[];
    },
    close: () => db.close(),
  };
}
