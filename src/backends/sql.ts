/**
 * The SQL targets over the tripline events table (docs/sql-schema.md, docs/targets/sql.md). Consumes IR
 * rules after the `tripline` pipeline; produces `SELECT` statements. One `SqlFlavor` table per database
 * (sql-duckdb.ts, sql-clickhouse.ts, sql-sqlite.ts) supplies quoting, functions and DDL; `sqlDialect`
 * turns a flavor into a `Dialect` with exact Sigma semantics shared by all three.
 */
import { patternShape, positionPattern } from '../ir/pattern.js';
import type { CompareOp, FieldRefMatch, Pattern, RegexFlags } from '../ir/types.js';
import { isUnsupported, type Unsupported } from '../pipelines/types.js';
import { sqlCorrelation } from './sql-correlation.js';
import { fieldExpr, fieldValues, type SqlFlavor, whereClause } from './sql-flavor.js';
import { cidrV4Regex, inlineRegexFlags } from './sql-text.js';
import type { Dialect, EmitContext, Emitted, LeafEmitters } from './types.js';

export type { SqlFlavor } from './sql-flavor.js';

const OPS: Record<CompareOp, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=' };

/** A numeric literal. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : 'NULL';
}

/** A test of one value expression (a column, a JSON element...) as SQL. */
type ValueTest = (x: string) => string;

/**
 * A string-pattern test over one value expression (shared by field matches and keywords), or why there is
 * none. The literal is built once: a field's test is applied to each place its values may be (column,
 * JSON scalar, list elements).
 */
export function patternTest(f: SqlFlavor, p: Pattern, cased: boolean): ValueTest | Unsupported {
  const shape = patternShape(p);
  if (shape.kind === 'wildcard' && p.some((part) => typeof part === 'object' && 'placeholder' in part))
    return { unsupported: 'an unresolved %placeholder% (give the pipeline its values)' };
  const v = (x: string) => (cased ? x : f.lower(x));
  const lit = (t: string) => (cased ? f.quote(t) : f.lower(f.quote(t)));
  switch (shape.kind) {
    case 'any':
      return (x) => `${x} IS NOT NULL`;
    case 'exact': {
      const l = lit(shape.text);
      return (x) => `${v(x)} = ${l}`;
    }
    case 'prefix': {
      const l = lit(shape.text);
      return (x) => f.startsWith(v(x), l);
    }
    case 'suffix': {
      const l = lit(shape.text);
      return (x) => f.endsWith(v(x), l);
    }
    case 'contains': {
      const l = lit(shape.text);
      return (x) => f.contains(v(x), l);
    }
    case 'wildcard':
      return (x) => f.wildcard(v(x), p, !cased);
  }
}

function regexTest(f: SqlFlavor, x: string, regex: string, flags: RegexFlags): string {
  return f.regex(x, inlineRegexFlags(flags) + regex);
}

function leaves(f: SqlFlavor): LeafEmitters {
  const col = (field: string) => fieldExpr(f, field);
  // A value test applied to each value of a field (list elements each) or, for keywords, each string leaf.
  const on = (field: string | null, test: ValueTest | Unsupported, numbers = false): Emitted => {
    if (isUnsupported(test)) return test;
    return field === null ? (numbers ? f.anyScalar(test) : f.anyValue(test)) : fieldValues(f, field, test);
  };
  return {
    // A keyword is a substring search (full text), as in the engine.
    string: (n) => {
      const p = n.field === null ? positionPattern(n.pattern, 'contains') : n.pattern;
      return on(n.field, patternTest(f, p, n.cased));
    },
    number: (n) => on(n.field, (v) => `${f.number(v)} = ${num(n.value)}`, true),
    boolean: (n) => on(n.field, (v) => f.regex(v, `(?i)^\\s*${n.value}\\s*$`)),
    null: (n) => `${col(n.field)} IS NULL`,
    exists: (n) => `${col(n.field)} ${n.exists ? 'IS NOT NULL' : 'IS NULL'}`,
    regex: (n) => on(n.field, (v) => regexTest(f, v, n.regex, n.flags)),
    cidr: (n) => {
      const re = cidrV4Regex(n.network);
      if (re !== undefined) return on(n.field, (v) => f.regex(v, re));
      const cidr6 = f.cidr6;
      if (cidr6) return on(n.field, (v) => cidr6(v, n.network));
      return { unsupported: `IPv6 network '${n.network}' (${f.title} has no IPv6 address functions offline)` };
    },
    compare: (n) => on(n.field, (v) => `${f.number(v)} ${OPS[n.op]} ${num(n.value)}`),
    datepart: (n) => on(n.field, (v) => `${f.datePart(v, n.part)} ${OPS[n.op]} ${num(n.value)}`),
    fieldref: (n) =>
      // Some value of the field against some value of the other (lists on either side, element-wise).
      fieldValues(f, n.field, (x) => fieldValues(f, n.other, (y) => fieldrefTest(f, n, x, y), 1)),
  };
}

function fieldrefTest(f: SqlFlavor, n: FieldRefMatch, x: string, y: string): string {
  const a = n.cased ? x : f.lower(x);
  const b = n.cased ? y : f.lower(y);
  if (n.position === 'equals') return `${a} = ${b}`;
  if (n.position === 'startswith') return f.startsWith(a, b);
  if (n.position === 'endswith') return f.endsWith(a, b);
  return f.contains(a, b);
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
