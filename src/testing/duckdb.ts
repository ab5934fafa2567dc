/**
 * The tripline events table in an embedded DuckDB (Node only): load LogEvents through `eventsToRows`, run a
 * `sql`-target query and get back the keys (`file#record`) of the events it returned, or plan a query.
 */
import { createRequire } from 'node:module';
import { DUCKDB } from '../backends/sql-duckdb.js';
import { eventColumns, eventsToRows, rowValues } from '../backends/sql-schema.js';
import type { LogEvent } from '../sources/event.js';

/** An in-memory DuckDB holding one events table. */
export interface EventDb {
  /** Replaces the table's rows. */
  load(events: readonly LogEvent[]): Promise<void>;
  /** Runs a detection query and returns `source_file#record` of each row, sorted by record. */
  keys(query: string): Promise<string[]>;
  /** Runs a query and returns how many rows it produced. */
  count(query: string): Promise<number>;
  /** Plans a query (EXPLAIN); returns the database's error message, or undefined when it plans. */
  explain(query: string): Promise<string | undefined>;
  close(): void;
}

/** Opens an in-memory DuckDB with an empty events table. */
export async function openEventDb(): Promise<EventDb> {
  // Loaded on first use, so importing the library does not load DuckDB's native module. Through `require`,
  // not `import()`: the bin runs as a script from V8's code cache, where `import()` fails (cli/launch.ts).
  const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
  const { DuckDBInstance, timestampValue } = duckdb;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(DUCKDB.ddl());
  if (eventColumns()[0] !== 'ts' || eventColumns()[6] !== 'record') throw new Error('events table layout changed');
  return {
    async load(events) {
      await conn.run('DELETE FROM events');
      const appender = await conn.createAppender('events');
      for (const row of eventsToRows(events)) {
        const values = rowValues(row);
        // Column 0 is ts (TIMESTAMP), 6 is record (BIGINT); every other column is text or JSON text.
        values.forEach((v, i) => {
          if (v === null) appender.appendNull();
          else if (i === 0) appender.appendTimestamp(timestampValue(BigInt(Date.parse(String(v))) * 1000n));
          else if (i === 6) appender.appendBigInt(BigInt(v));
          else appender.appendVarchar(String(v));
        });
        appender.endRow();
      }
      appender.closeSync();
    },
    async keys(query) {
      const sql = `SELECT source_file, record FROM (${query}) AS q ORDER BY source_file, record`;
      const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson() as { source_file: string; record: string }[];
      return rows.map((r) => `${r.source_file}#${r.record}`);
    },
    async count(query) {
      return (await conn.runAndReadAll(query)).currentRowCount;
    },
    async explain(query) {
      try {
        await conn.run(`EXPLAIN ${query}`);
        return undefined;
      } catch (e) {
        return (e as Error).message.split('\n')[0];
      }
    },
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
