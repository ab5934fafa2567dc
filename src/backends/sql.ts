/**
 * The SQL targets over the tripline events table (docs/sql-schema.md, docs/targets/sql.md). Consumes IR
 * rules after the `tripline` pipeline; produces `SELECT` statements. One `SqlFlavor` table per database
 * (sql-duckdb.ts, sql-clickhouse.ts, sql-sqlite.ts) supplies quoting, functions and DDL; `sqlDialect`
 * turns a flavor into a `Dialect` with exact Sigma semantics shared by all three.
 */
import { patternShape } from '../ir/pattern.js';
import type { CompareOp, Pattern, RegexFlags } from '../ir/types.js';
import { sqlCorrelation } from './sql-correlation.js';
import { fieldExpr, type SqlFlavor, whereClause } from './sql-flavor.js';
import { cidrV4Regex, inlineRegexFlags } from './sql-text.js';
import type { Dialect, EmitContext, Emitted, LeafEmitters } from './types.js';

export type { SqlFlavor } from './sql-flavor.js';

const OPS: Record<CompareOp, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=' };

/** A numeric literal. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : 'NULL';
}

/** A string-pattern test over one value expression (shared by field matches and keywords). */
export function patternTest(f: SqlFlavor, x: string, p: Pattern, cased: boolean): Emitted {
  const shape = patternShape(p);
  if (shape.kind === 'wildcard' && p.some((part) => typeof part === 'object' && 'placeholder' in part))
    return { unsupported: 'an unresolved %placeholder% (give the pipeline its values)' };
  const v = cased ? x : f.lower(x);
  const lit = (t: string) => (cased ? f.quote(t) : f.lower(f.quote(t)));
  switch (shape.kind) {
    case 'any':
      return `${x} IS NOT NULL`;
    case 'exact':
      return `${v} = ${lit(shape.text)}`;
    case 'prefix':
      return f.startsWith(v, lit(shape.text));
    case 'suffix':
      return f.endsWith(v, lit(shape.text));
    case 'contains':
      return f.contains(v, lit(shape.text));
    case 'wildcard':
      return f.wildcard(v, p, !cased);
  }
}

function regexTest(f: SqlFlavor, x: string, regex: string, flags: RegexFlags): string {
  return f.regex(x, inlineRegexFlags(flags) + regex);
}

function leaves(f: SqlFlavor): LeafEmitters {
  const col = (field: string) => fieldExpr(f, field);
  const keyword = (test: (v: string) => Emitted): Emitted => {
    const probe = test('v');
    if (typeof probe !== 'string') return probe;
    return f.anyValue((v) => test(v) as string);
  };
  return {
    string: (n) =>
      n.field === null
        ? keyword((v) => patternTest(f, v, n.pattern, n.cased))
        : patternTest(f, col(n.field), n.pattern, n.cased),
    number: (n) =>
      n.field === null
        ? keyword((v) => `${f.number(v)} = ${num(n.value)}`)
        : `${f.number(col(n.field))} = ${num(n.value)}`,
    boolean: (n) => f.regex(col(n.field), `(?i)^\\s*${n.value}\\s*$`),
    null: (n) => `${col(n.field)} IS NULL`,
    exists: (n) => `${col(n.field)} ${n.exists ? 'IS NOT NULL' : 'IS NULL'}`,
    regex: (n) =>
      n.field === null
        ? keyword((v) => regexTest(f, v, n.regex, n.flags))
        : regexTest(f, col(n.field), n.regex, n.flags),
    cidr: (n) => {
      const re = cidrV4Regex(n.network);
      if (re !== undefined) return f.regex(col(n.field), re);
      if (f.cidr6) return f.cidr6(col(n.field), n.network);
      return { unsupported: `IPv6 network '${n.network}' (${f.title} has no IPv6 address functions offline)` };
    },
    compare: (n) => `${f.number(col(n.field))} ${OPS[n.op]} ${num(n.value)}`,
    datepart: (n) => `${f.datePart(col(n.field), n.part)} ${OPS[n.op]} ${num(n.value)}`,
    fieldref: (n) => {
      const a = n.cased ? col(n.field) : f.lower(col(n.field));
      const b = n.cased ? col(n.other) : f.lower(col(n.other));
      if (n.position === 'equals') return `${a} = ${b}`;
      if (n.position === 'startswith') return f.startsWith(a, b);
      if (n.position === 'endswith') return f.endsWith(a, b);
      return f.contains(a, b);
    },
  };
}

/** Builds the target for one SQL flavor under a CLI name (`sql`, `sql-duckdb`...). */
export function sqlDialect(f: SqlFlavor, name: string, title: string): Dialect {
  return {
    name,
    title,
    highlight: 'sql',
    pipelines: { default: ['tripline'], available: ['tripline'] },
    and: ' AND ',
    or: ' OR ',
    // Sigma logic is two-valued: a missing field makes a test false, so its negation is true.
    not: (inner) => `NOT coalesce(${inner}, ${f.false})`,
    group: (inner) => `(${inner})`,
    constant: (value) => (value ? f.true : f.false),
    leaves: leaves(f),
    query: (condition, scope, rule) =>
      `SELECT * FROM ${scope.table ?? 'events'} WHERE ${whereClause(f, condition, scope.condition, rule)}`,
    correlation: (rule, bases, ctx: EmitContext) => sqlCorrelation(f, rule, bases, ctx),
  } satisfies Dialect;
}
