/**
 * Turns the searches of a Sigma document into IR expressions, applying every value modifier. Consumes
 * `Search` (sigma/types.ts); produces frozen `Expr` trees plus diagnostics for bad values and chains.
 */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { type ModifierChain, parseModifiers } from '../sigma/modifiers.js';
import type { RawValue, Search, SearchItem } from '../sigma/types.js';
import { applyEncoding, bytesToLatin1, type Encoded } from './encode.js';
import { and, freezeExpr, not, or } from './expr.js';
import { parseSigmaString, pattern, positionPattern } from './pattern.js';
import type { Expr, Pattern } from './types.js';
import { checkCidr, checkRegex } from './validate.js';

/** Builds the expression of one named search. */
export function buildSearch(file: string, search: Search, diagnostics: Diagnostic[]): Expr {
  const alternatives = search.alternatives.map((items) => and(items.map((item) => buildItem(file, item, diagnostics))));
  return freezeExpr(or(alternatives));
}

/** Builds the expression of one `field|modifiers: values` entry. */
export function buildItem(file: string, item: SearchItem, diagnostics: Diagnostic[]): Expr {
  const { chain, problems } = parseModifiers(item.modifiers);
  for (const p of problems) {
    diagnostics.push(
      report(p.kind === 'unknown' ? 'unknown-modifier' : 'invalid-modifier-combination', file, item.keySpan, p.message),
    );
  }
  if (!chain) return { kind: 'const', value: false, span: item.keySpan };
  if (item.values.length === 0) {
    diagnostics.push(
      report(
        'empty-value-list',
        file,
        item.span,
        `'${item.key}' has an empty list: give at least one value or remove the field`,
      ),
    );
    return { kind: 'const', value: false, span: item.span };
  }
  const leaves = item.values.map((v) => buildValue(file, item, chain, v, diagnostics));
  const combined = chain.all ? and(leaves) : or(leaves);
  return chain.neq ? not(combined) : combined;
}

function buildValue(
  file: string,
  item: SearchItem,
  chain: ModifierChain,
  raw: RawValue,
  diagnostics: Diagnostic[],
): Expr {
  const field = item.field;
  const span = raw.span;
  const v = raw.value;
  if (chain.type === 'exists') {
    if (typeof v !== 'boolean' || field === null)
      return invalidValue(diagnostics, file, span, `'exists' takes true or false on a field, not ${JSON.stringify(v)}`);
    return { kind: 'exists', field, exists: v, span };
  }
  if (chain.datepart) {
    if (field === null || typeof v !== 'number')
      return invalidValue(diagnostics, file, span, `date part '${chain.datepart}' compares a field with a number`);
    const op =
      chain.type === 'gt' || chain.type === 'gte' || chain.type === 'lt' || chain.type === 'lte' ? chain.type : 'eq';
    return { kind: 'datepart', field, part: chain.datepart, op, value: v, span };
  }
  if (chain.type === 'gt' || chain.type === 'gte' || chain.type === 'lt' || chain.type === 'lte') {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    if (field === null || !Number.isFinite(n))
      return invalidValue(
        diagnostics,
        file,
        span,
        `'${chain.type}' compares a field with a number, not ${JSON.stringify(v)}`,
      );
    return { kind: 'compare', field, op: chain.type, value: n, span };
  }
  if (v === null) {
    if (field === null) return invalidValue(diagnostics, file, span, 'a keyword cannot be null');
    return { kind: 'null', field, span };
  }
  const text = String(v);
  if (chain.type === 're') return buildRegex(file, field, text, chain, span, diagnostics);
  if (chain.type === 'cidr') {
    const problem = checkCidr(text);
    if (problem) {
      diagnostics.push(report('invalid-cidr', file, span, `${problem}; write a network like 10.0.0.0/8`));
      return { kind: 'const', value: false, span };
    }
    if (field === null) return invalidValue(diagnostics, file, span, "'cidr' needs a field");
    return { kind: 'cidr', field, network: text.trim(), span };
  }
  if (chain.type === 'fieldref') {
    if (field === null) return invalidValue(diagnostics, file, span, "'fieldref' needs a field");
    return { kind: 'fieldref', field, other: text, position: fieldrefPosition(chain), cased: chain.cased, span };
  }
  if (typeof v === 'boolean' && !chain.position && chain.encodings.length === 0 && field !== null) {
    return { kind: 'boolean', field, value: v, span };
  }
  if (typeof v === 'number' && !chain.position && chain.encodings.length === 0) {
    return { kind: 'number', field, value: v, span };
  }
  return buildString(file, field, text, chain, span, diagnostics);
}

/** A value that cannot be used: a diagnostic, and a leaf that never matches. */
function invalidValue(diagnostics: Diagnostic[], file: string, span: RawValue['span'], message: string): Expr {
  diagnostics.push(report('invalid-value', file, span, message));
  return { kind: 'const', value: false, span };
}

function fieldrefPosition(chain: ModifierChain): 'equals' | 'startswith' | 'endswith' | 'contains' {
  return chain.position ?? 'equals';
}

function buildRegex(
  file: string,
  field: string | null,
  regex: string,
  chain: ModifierChain,
  span: RawValue['span'],
  diagnostics: Diagnostic[],
): Expr {
  const flags = {
    ignoreCase: chain.regexFlags.includes('i'),
    multiline: chain.regexFlags.includes('m'),
    dotAll: chain.regexFlags.includes('s'),
  };
  const problem = checkRegex(regex, flags);
  if (problem?.fatal) {
    diagnostics.push(report('invalid-regex', file, span, problem.message));
    return { kind: 'const', value: false, span };
  }
  if (problem) diagnostics.push(report('unsafe-regex', file, span, problem.message));
  return { kind: 'regex', field, regex, flags, span };
}

function buildString(
  file: string,
  field: string | null,
  text: string,
  chain: ModifierChain,
  span: RawValue['span'],
  diagnostics: Diagnostic[],
): Expr {
  const parsed = parseSigmaString(text, chain.expand);
  if (chain.encodings.length === 0) {
    // Most values: one pattern, one leaf.
    return { kind: 'string', field, pattern: positionPattern(parsed, chain.position), cased: chain.cased, span };
  }
  let values: Encoded[] = [{ text: parsed }];
  for (const name of chain.encodings) {
    const r = applyEncoding(name, values);
    if (!r.values) {
      diagnostics.push(report('invalid-value', file, span, `${name}: ${r.error}`));
      return { kind: 'const', value: false, span };
    }
    values = r.values;
  }
  const patterns: Pattern[] = values.map((e) => ('text' in e ? e.text : pattern([bytesToLatin1(e.bytes)])));
  const leaves: Expr[] = patterns.map((p) => ({
    kind: 'string',
    field,
    pattern: positionPattern(p, chain.position),
    cased: chain.cased,
    span,
  }));
  return or(leaves);
}
