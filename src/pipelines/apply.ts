/**
 * Applies pipelines to a detection rule. Consumes an IR `DetectionRule` in Sigma field names; produces
 * the same rule in target field names with transforms and placeholders applied, its `Scope` (table and
 * scoping conditions), and everything the pipelines cannot express.
 */
import type { Span } from '../core/diagnostic.js';
import { and, fieldsOf, mapExpr, or } from '../ir/expr.js';
import { isPlaceholder, MANY, pattern } from '../ir/pattern.js';
import type { DetectionRule, Expr, Logsource, PatternPart } from '../ir/types.js';
import { applyTransform } from './transforms.js';
import type { LogsourceSpec, PipelineSpec, Scope, ScopeValue, Unsupported } from './types.js';

/** A rule after pipelines, ready for a backend or the engine. */
export interface PipelineResult {
  readonly rule: DetectionRule;
  readonly scope: Scope;
  readonly unsupported: readonly Unsupported[];
}

/** Runs the pipelines over a rule, in order. */
export function applyPipelines(rule: DetectionRule, pipelines: readonly PipelineSpec[]): PipelineResult {
  const unsupported: Unsupported[] = [];
  const matched = pipelines.map((p) => logsourceSpec(p, rule.logsource));
  pipelines.forEach((p, i) => {
    if (p.requireLogsource && !matched[i]) {
      unsupported.push({
        unsupported: `log source ${describeLogsource(rule.logsource)} has no table or scope in pipeline '${p.name}'`,
      });
    }
  });
  let expr = rule.expr;
  // Only the `expand` modifier writes placeholders and no pipeline step adds one: most rules skip them.
  const placeholders = hasPlaceholder(expr);
  for (let i = 0; i < pipelines.length; i++) {
    // Without its log source a required pipeline already failed the rule: one error, not one per field.
    if (pipelines[i].requireLogsource && !matched[i]) continue;
    expr = mapKeywords(expr, pipelines[i].keywordField);
    expr = mapFields(expr, pipelines[i], matched[i], unsupported);
    const transforms = pipelines[i].transforms ?? [];
    // The set of fields is only read by transforms (a walk of the tree saved where a pipeline has none).
    let fields = transforms.length > 0 ? fieldSet(expr) : undefined;
    for (const t of transforms) {
      if (!fields?.has(t.field)) continue; // every transform rewrites one field; skipping saves a tree copy
      const r = applyTransform(t, expr);
      expr = r.expr;
      fields = fieldSet(expr);
      if (r.unsupported) unsupported.push(r.unsupported);
    }
    if (placeholders) expr = resolvePlaceholders(expr, pipelines[i].placeholders ?? {});
  }
  if (placeholders) expr = resolvePlaceholders(expr, {}, unsupported);
  const scope = buildScope(
    matched.filter((m): m is LogsourceSpec => m !== undefined),
    expr,
    pipelines
      .map((p) => p.timestamp)
      .filter((t) => t !== undefined)
      .pop(),
  );
  return Object.freeze({ rule: Object.freeze({ ...rule, expr }), scope, unsupported: Object.freeze(unsupported) });
}

/** The field names a tree reads, without building intermediate arrays (it runs once per transform). */
function fieldSet(expr: Expr, out = new Set<string>()): Set<string> {
  if (expr.kind === 'and' || expr.kind === 'or') for (const c of expr.children) fieldSet(c, out);
  else if (expr.kind === 'not') fieldSet(expr.child, out);
  else if ('field' in expr && typeof expr.field === 'string') out.add(expr.field);
  return out;
}

/**
 * The first log source spec of a pipeline that matches a rule's log source. A memo by pipeline and log
 * source text (pure function of frozen specs): a rule set has a few hundred log sources and thousands of
 * rules, and a pipeline lists dozens of specs.
 */
const LOGSOURCE_SPECS = new WeakMap<PipelineSpec, Map<string, LogsourceSpec | undefined>>();

function logsourceSpec(p: PipelineSpec, logsource: Logsource): LogsourceSpec | undefined {
  if (!p.logsources) return undefined;
  const byKey = LOGSOURCE_SPECS.get(p) ?? new Map<string, LogsourceSpec | undefined>();
  LOGSOURCE_SPECS.set(p, byKey);
  const part = (v: string | undefined) => (v === undefined ? '\0' : `=${v}\0`);
  const key = part(logsource.category) + part(logsource.product) + part(logsource.service);
  if (byKey.has(key)) return byKey.get(key);
  const spec = p.logsources.find((l) => logsourceMatches(l.match, logsource));
  byKey.set(key, spec);
  return spec;
}

/** True when every key the spec sets equals the rule's log source. */
export function logsourceMatches(match: Logsource, rule: Logsource): boolean {
  return (['category', 'product', 'service'] as const).every((k) => match[k] === undefined || match[k] === rule[k]);
}

/** `category=process_creation product=windows`, for messages. */
export function describeLogsource(l: Logsource): string {
  const parts = (['category', 'product', 'service'] as const).filter((k) => l[k]).map((k) => `${k}=${l[k]}`);
  return parts.length ? parts.join(' ') : '(none)';
}

/** The field mapping in force for one log source of a pipeline: names, blocked fields, all target names. */
interface FieldTable {
  readonly map: Readonly<Record<string, string | readonly string[]>>;
  readonly blocked: Readonly<Record<string, string>>;
  readonly targetNames: ReadonlySet<string>;
  /** `renaming` by Sigma field name, filled on first use (SigmaHQ: 46,690 leaves with a field, 408 names). */
  readonly renamings: Map<string, Renaming>;
}

/** What a field becomes under a field table: its target names, or (a string) why it is not available. */
type Renaming = readonly string[] | string;

/**
 * Field tables by pipeline and log source spec. A memo of a pure function of frozen specs (never reset,
 * nothing stale): a field table can hold hundreds of names, and the corpus applies the same few thousands
 * of times.
 */
const FIELD_TABLES = new WeakMap<PipelineSpec, Map<LogsourceSpec | undefined, FieldTable>>();

function fieldTable(p: PipelineSpec, ls: LogsourceSpec | undefined): FieldTable {
  const byLogsource = FIELD_TABLES.get(p) ?? new Map<LogsourceSpec | undefined, FieldTable>();
  FIELD_TABLES.set(p, byLogsource);
  let table = byLogsource.get(ls);
  if (!table) {
    const map = { ...(p.fields ?? {}), ...(ls?.fields ?? {}) };
    const blocked = { ...(p.unsupported ?? {}), ...(ls?.unsupported ?? {}) };
    table = { map, blocked, targetNames: new Set(Object.values(map).flat()), renamings: new Map() };
    byLogsource.set(ls, table);
  }
  return table;
}

/**
 * Renames every field of a tree. What a name becomes is worked out once per field table and name, not once
 * per leaf (two lookups in large records and a new array per leaf before): applying the lucene pipelines
 * to the corpus in a cold process took 171 ms of CPU instead of 187 (medians of 7).
 */
function mapFields(expr: Expr, p: PipelineSpec, ls: LogsourceSpec | undefined, unsupported: Unsupported[]): Expr {
  const table = fieldTable(p, ls);
  const rename = (field: string, span: Span | undefined): readonly string[] | undefined => {
    let r = table.renamings.get(field);
    if (r === undefined) {
      r = renaming(table, p, ls, field);
      table.renamings.set(field, r);
    }
    if (typeof r !== 'string') return r;
    unsupported.push({ unsupported: r, span });
    return undefined;
  };
  return mapExpr(expr, (node) => {
    if (!('field' in node) || typeof node.field !== 'string') return node;
    const names = rename(node.field, 'span' in node ? node.span : undefined);
    if (!names) return node;
    const other = node.kind === 'fieldref' ? rename(node.other, node.span)?.[0] : undefined;
    // A field that keeps its name keeps its node (and its parents stay shared): the usual case for
    // pipelines that only rename some fields.
    if (names.length === 1 && names[0] === node.field && other === undefined) return node;
    const renamed = (field: string) => (other ? { ...node, field, other } : { ...node, field }) as Expr;
    return names.length === 1 ? renamed(names[0]) : or(names.map(renamed));
  });
}

function renaming(table: FieldTable, p: PipelineSpec, ls: LogsourceSpec | undefined, field: string): Renaming {
  const { map, blocked, targetNames } = table;
  if (Object.hasOwn(blocked, field)) return `field '${field}' is not available: ${blocked[field]}`;
  const m = Object.hasOwn(map, field) ? map[field] : undefined;
  if (m !== undefined) return typeof m === 'string' ? [m] : m;
  if (p.strictFields && !targetNames.has(field)) return `field '${field}' has no mapping in pipeline '${p.name}'`;
  return [unmappedName(field, p, ls, targetNames)];
}

/** Keywords (field null) become contains-matches on the pipeline's whole-event text field, when it has one. */
function mapKeywords(expr: Expr, keywordField: string | undefined): Expr {
  if (!keywordField) return expr;
  return mapExpr(expr, (node): Expr => {
    if (node.kind === 'string' && node.field === null) {
      return { ...node, field: keywordField, pattern: pattern([MANY, ...node.pattern, MANY]) };
    }
    if (node.kind === 'number' && node.field === null) {
      return {
        kind: 'string',
        field: keywordField,
        pattern: pattern([MANY, String(node.value), MANY]),
        cased: false,
        span: node.span,
      };
    }
    if (node.kind === 'regex' && node.field === null) return { ...node, field: keywordField };
    return node;
  });
}

function resolvePlaceholders(
  expr: Expr,
  values: Readonly<Record<string, readonly string[]>>,
  unresolved?: Unsupported[],
): Expr {
  return mapExpr(expr, (node) => {
    if (node.kind !== 'string' || !node.pattern.some(isPlaceholder)) return node;
    let variants: PatternPart[][] = [[]];
    for (const part of node.pattern) {
      if (!isPlaceholder(part)) {
        variants = variants.map((v) => [...v, part]);
        continue;
      }
      const vals = values[part.placeholder];
      if (!vals) {
        if (unresolved)
          unresolved.push({
            unsupported: `placeholder %${part.placeholder}% has no values in the pipelines`,
            span: node.span,
          });
        return node;
      }
      variants = variants.flatMap((v) => vals.map((val) => [...v, val]));
    }
    return or(variants.map((v) => ({ ...node, pattern: pattern(v) })));
  });
}

/** True when a string pattern of the tree holds a `%placeholder%` (the `expand` modifier). */
function hasPlaceholder(expr: Expr): boolean {
  if (expr.kind === 'and' || expr.kind === 'or') {
    for (const c of expr.children) if (hasPlaceholder(c)) return true;
    return false;
  }
  if (expr.kind === 'not') return hasPlaceholder(expr.child);
  if (expr.kind !== 'string') return false;
  for (const part of expr.pattern) if (isPlaceholder(part)) return true;
  return false;
}

function buildScope(specs: readonly LogsourceSpec[], expr: Expr, timestamp: string | undefined): Scope {
  const table = specs
    .map((s) => s.table)
    .filter((t) => t !== undefined)
    .pop();
  const conditions: Expr[] = [];
  for (const s of specs) {
    for (const [field, value] of Object.entries(s.conditions ?? {})) conditions.push(scopeCondition(field, value));
  }
  // Only derived fields the rule reads are computed, so simple rules keep simple queries.
  const available: Record<string, string> = Object.assign({}, ...specs.map((s) => s.derived ?? {}));
  const used = specs.some((s) => s.derived) ? fieldsOf(expr).filter((f) => Object.hasOwn(available, f)) : [];
  const derived = used.length ? Object.freeze(Object.fromEntries(used.map((f) => [f, available[f]]))) : undefined;
  return Object.freeze({
    table,
    conditions: and(conditions),
    ...(derived ? { derived } : {}),
    ...(timestamp ? { timestamp } : {}),
  });
}

function scopeCondition(field: string, value: ScopeValue): Expr {
  const values = Array.isArray(value) ? value : [value];
  return or(
    values.map((v): Expr => {
      if (typeof v === 'number') return { kind: 'number', field, value: v };
      if (typeof v === 'boolean') return { kind: 'boolean', field, value: v };
      return { kind: 'string', field, pattern: pattern([String(v)]), cased: false };
    }),
  );
}

/** The target name of one Sigma field for a log source (first name when a field maps to several). */
export function targetFieldName(field: string, pipelines: readonly PipelineSpec[], logsource: Logsource): string {
  let name = field;
  for (const p of pipelines) {
    const ls = logsourceSpec(p, logsource);
    const m = ls?.fields?.[name] ?? p.fields?.[name];
    if (m !== undefined) name = typeof m === 'string' ? m : m[0];
    else name = unmappedName(name, p, ls);
    // A path the target only logs as a file name (strict basename) is grouped by that file name.
    const basename = p.transforms?.find((t) => t.type === 'basename' && t.strict && t.field === name);
    if (basename?.type === 'basename') name = basename.to;
  }
  return name;
}

/** A field without a mapping keeps its name, behind the log source's or pipeline's `fieldPrefix`. */
function unmappedName(
  field: string,
  p: PipelineSpec,
  ls: LogsourceSpec | undefined,
  targets?: ReadonlySet<string>,
): string {
  const prefix = ls?.fieldPrefix ?? p.fieldPrefix;
  if (!prefix || field.startsWith(prefix) || targets?.has(field)) return field;
  return prefix + field;
}
