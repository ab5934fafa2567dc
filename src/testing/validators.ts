/**
 * In-process validators of converted queries, per target: the Kusto parser for `kql`, the `lucene` parser
 * (parse, print, same text) for `lucene`, DuckDB EXPLAIN for `sql`/`sql-duckdb`, SQLite prepare for
 * `sql-sqlite`, ClickHouse EXPLAIN (embedded chdb) for `sql-clickhouse`, tripline's own loader for `sigma`.
 * The Kusto, lucene, SQLite and chdb packages are development dependencies: when one is not installed, its
 * target is reported "converted, not validated" with the reason.
 */
import { createRequire } from 'node:module';
import { RE2JS } from 're2js';
import { CLICKHOUSE } from '../backends/sql-clickhouse.js';
import { SQLITE } from '../backends/sql-sqlite.js';
import { loadRuleTexts } from '../ruleset/load.js';
import type { EventDb } from './duckdb.js';

/** Checks one query: returns the problem, or undefined when the query is valid. */
export type Validate = (query: string) => Promise<string | undefined>;

/** A validator for a target, or why there is none. */
export type Validator = { readonly name: string; readonly validate: Validate } | { readonly missing: string };

const require = createRequire(import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: untyped optional packages (Bridge.NET Kusto build, lucene, better-sqlite3)
type Any = any;

function optional(pkg: string): Any | string {
  try {
    return require(pkg);
  } catch {
    return `package ${pkg} is not installed (development dependency)`;
  }
}

function kusto(): Validator {
  const bridge = optional('@kusto/language-service-next/bridge.js');
  if (typeof bridge === 'string') return { missing: bridge };
  const pkg = optional('@kusto/language-service-next');
  if (typeof pkg === 'string') return { missing: pkg };
  const K = (globalThis as Any).Kusto.Language;
  return {
    name: 'Kusto parser (syntax)',
    validate: async (q) => {
      const list = K.KustoCode.Parse(q).GetDiagnostics();
      const out: string[] = [];
      for (let i = 0; i < list.Count; i++) out.push(`${list.getItem(i).Code} ${list.getItem(i).Message}`);
      return out.length ? out.join('; ') : undefined;
    },
  };
}

function lucene(): Validator {
  const pkg = optional('lucene');
  if (typeof pkg === 'string') return { missing: pkg };
  return {
    name: 'lucene parser round trip',
    validate: async (q) => {
      try {
        return pkg.toString(pkg.parse(q)) === q ? undefined : 'the lucene parser reads it differently';
      } catch (e) {
        return (e as Error).message.split('\n')[0];
      }
    },
  };
}

function sqlite(closers: (() => void)[]): Validator {
  const Database = optional('better-sqlite3');
  if (typeof Database === 'string') return { missing: Database };
  const db = new Database(':memory:');
  closers.push(() => db.close());
  db.function('regexp', { deterministic: true }, (re: unknown, x: unknown) =>
    x === null || re === null ? null : RE2JS.compile(String(re)).matcher(String(x)).find() ? 1 : 0,
  );
  db.function('lower', { deterministic: true }, (x: unknown) => (x === null ? null : String(x).toLowerCase()));
  db.exec(SQLITE.ddl());
  return {
    name: 'SQLite prepare',
    validate: async (q) => {
      try {
        db.prepare(q);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  };
}

function clickhouse(closers: (() => void)[]): Validator {
  const chdb = optional('chdb');
  if (typeof chdb === 'string') return { missing: chdb };
  const session = new chdb.Session();
  closers.push(() => session.close());
  session.query(CLICKHOUSE.ddl());
  return {
    name: 'ClickHouse EXPLAIN (chdb)',
    validate: async (q) => {
      try {
        session.query(`EXPLAIN ${q}`);
        return undefined;
      } catch (e) {
        return (e as Error).message.split('\n')[0];
      }
    },
  };
}

const sigma: Validator = {
  name: 'tripline loader (re-parse)',
  validate: async (q) => {
    const errors = loadRuleTexts({ 'converted.yml': q }).diagnostics.filter((d) => d.severity === 'error');
    return errors.length ? errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ') : undefined;
  },
};

/** The validators of a run, by target (targets absent are not validated), and how to release them. */
export interface Validators {
  readonly byTarget: Readonly<Record<string, Validator>>;
  close(): void;
}

/** Opens the validators of the given targets that have one (DuckDB through the run's database). */
export function validators(db: EventDb, targets: readonly string[]): Validators {
  const closers: (() => void)[] = [];
  const duck: Validator = { name: 'DuckDB EXPLAIN', validate: (q) => db.explain(q) };
  const open: Readonly<Record<string, () => Validator>> = {
    kql: kusto,
    lucene,
    sql: () => duck,
    'sql-duckdb': () => duck,
    'sql-sqlite': () => sqlite(closers),
    'sql-clickhouse': () => clickhouse(closers),
    sigma: () => sigma,
  };
  const byTarget = Object.fromEntries(targets.filter((t) => Object.hasOwn(open, t)).map((t) => [t, open[t]()]));
  const close = () => {
    for (const c of closers.splice(0)) c();
  };
  return { byTarget, close };
}
