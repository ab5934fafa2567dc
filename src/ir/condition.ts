/**
 * Resolves a parsed condition against the rule's searches into one IR expression. Consumes the condition
 * AST and the built searches; produces an `Expr` and diagnostics for names that are not defined.
 */
import { report } from '../core/codes.js';
import type { Diagnostic, Span } from '../core/diagnostic.js';
import { type ConditionNode, matchSearchPattern, parseCondition } from '../sigma/condition.js';
import type { RawCondition } from '../sigma/types.js';
import { and, not, or } from './expr.js';
import type { Expr } from './types.js';

/** Parses and resolves one condition; returns undefined when it does not parse. */
export function buildCondition(
  file: string,
  condition: RawCondition,
  searches: ReadonlyMap<string, Expr>,
  diagnostics: Diagnostic[],
): Expr | undefined {
  const parsed = parseCondition(condition.text);
  if (!parsed.ok) {
    const check = parsed.error.tooDeep ? 'condition-too-deep' : 'condition-syntax';
    diagnostics.push(
      report(check, file, conditionSpan(condition, parsed.error.start, parsed.error.end), parsed.error.message),
    );
    return undefined;
  }
  const names = [...searches.keys()];
  const resolve = (n: ConditionNode): Expr => {
    switch (n.kind) {
      case 'and':
        return and(n.operands.map(resolve));
      case 'or':
        return or(n.operands.map(resolve));
      case 'not':
        return not(resolve(n.operand));
      case 'ref': {
        const e = searches.get(n.name);
        if (e) return e;
        const msg = `condition uses '${n.name}', which is not defined in detection${suggest(n.name, names)}`;
        diagnostics.push(report('undefined-search', file, conditionSpan(condition, n.start, n.end), msg));
        return { kind: 'const', value: false };
      }
      case 'quantifier': {
        const matched = matchSearchPattern(n.target, names);
        if (matched.length === 0) {
          const msg = `'${n.target}' matches no search in detection; define one or fix the pattern`;
          diagnostics.push(report('undefined-search', file, conditionSpan(condition, n.start, n.end), msg));
        }
        const exprs = matched.map((m) => searches.get(m) as Expr);
        return n.quantifier === 'all' ? and(exprs) : or(exprs);
      }
    }
  };
  return resolve(parsed.ast);
}

/** The span of a character range inside a condition (exact for single-line conditions). */
export function conditionSpan(condition: RawCondition, start: number, end: number): Span {
  const s = condition.span;
  if (s.line !== s.endLine && condition.text.includes('\n')) return s;
  const col = s.column + condition.quoteOffset;
  return { line: s.line, column: col + start, endLine: s.line, endColumn: col + Math.max(end, start + 1) };
}

function suggest(name: string, names: readonly string[]): string {
  const lower = name.toLowerCase();
  const hit = names.find(
    (n) => n.toLowerCase() === lower || n.toLowerCase().startsWith(lower) || lower.startsWith(n.toLowerCase()),
  );
  return hit ? ` (did you mean '${hit}'?)` : '';
}
