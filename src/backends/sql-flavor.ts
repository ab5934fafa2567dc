/**
 * The per-database table of the SQL targets (`SqlFlavor`) and the two pieces every SQL query shares: how a
 * field is read (its own column or the `fields` JSON) and the WHERE clause of a detection with its scope.
 */
import type { DatePart, DetectionRule, Pattern } from '../ir/types.js';
import { hasColumn } from './sql-schema.js';
import { logsourceScope } from './sql-text.js';

/** What differs between SQL databases: quoting, function names, JSON access, DDL. */
export interface SqlFlavor {
  readonly name: string;
  readonly title: string;
  /** A string literal. */
  readonly quote: (text: string) => string;
  /** A quoted identifier. */
  readonly ident: (name: string) => string;
  readonly true: string;
  readonly false: string;
  /** Text of a field read from the `fields` JSON column (null when absent or null; lists and objects as JSON). */
  readonly json: (field: string) => string;
  /**
   * True when some scalar value of a `fields` JSON field passes `test`: the value itself, or each scalar
   * element of a list (numbers and booleans as their JSON text); objects have no values. `depth` names the
   * element variable uniquely when tests nest (fieldref).
   */
  readonly values: (field: string, test: (value: string) => string, depth: number) => string;
  /** Unicode lower-casing. */
  readonly lower: (x: string) => string;
  readonly startsWith: (x: string, lit: string) => string;
  readonly endsWith: (x: string, lit: string) => string;
  readonly contains: (x: string, lit: string) => string;
  /** Whole-value match of a general wildcard pattern (LIKE or GLOB), case-folded by `fold` when set. */
  readonly wildcard: (x: string, p: Pattern, fold: boolean) => string;
  /** Unanchored RE2 search; `source` carries inline flags. */
  readonly regex: (x: string, source: string) => string;
  /** The number a text value holds (decimal, optional sign/exponent, surrounding spaces), else null. */
  readonly number: (x: string) => string;
  /** A date part (UTC) of a text value holding ISO 8601 time or epoch milliseconds, else null. */
  readonly datePart: (x: string, part: DatePart) => string;
  /** True when some string leaf of `fields`, at any depth (inside lists and objects too), passes `test` (keywords). */
  readonly anyValue: (test: (value: string) => string) => string;
  /** True when some value of any field passes `test`, lists element-wise as `values` (number keywords). */
  readonly anyScalar: (test: (value: string) => string) => string;
  /** IPv6 network membership when the database has it natively. */
  readonly cidr6?: (x: string, network: string) => string;
  /** Epoch milliseconds of the `ts` column (correlation windows). */
  readonly epochMs: string;
  /** Percentile aggregate (p in 0..1), when the database has one. */
  readonly percentile?: (x: string, p: number) => string;
  /** `CREATE TABLE events (...)` for this database. */
  readonly ddl: (table?: string) => string;
}

/** The SQL expression reading a (target) field as text: its own column, or the `fields` JSON column. */
export function fieldExpr(f: SqlFlavor, field: string): string {
  return hasColumn(field) ? f.ident(field) : f.json(field);
}

/**
 * A test over the values of a (target) field: a typed column is one scalar, tested directly (fast); a field
 * of the `fields` JSON is tested on its scalar or, for a list, on each scalar element.
 */
export function fieldValues(f: SqlFlavor, field: string, test: (value: string) => string, depth = 0): string {
  return hasColumn(field) ? test(f.ident(field)) : f.values(field, test, depth);
}

/** The full condition of a detection: the rule's log source scope, the pipeline scope and the rule. */
export function whereClause(f: SqlFlavor, condition: string, scope: string | undefined, rule: DetectionRule): string {
  const parts = [logsourceScope(rule.logsource, f.quote, f.lower), scope, condition].filter(
    (x): x is string => x !== undefined && x !== '',
  );
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
}
