/**
 * The shared text emitter: walks an IR expression and asks the dialect for each piece. Knows no target
 * by name. Junctions inside junctions are always grouped, so precedence differences between languages
 * (SPL binds OR tighter than AND) can never change a query's meaning.
 */

import type { Expr, NumberMatch, StringMatch } from '../ir/types.js';
import { isUnsupported, type Unsupported } from '../pipelines/types.js';
import type { Dialect, EmitContext, Emitted } from './types.js';

/** Emits an expression in the dialect, or the first construct it cannot express. */
export function emitExpr(expr: Expr, dialect: Dialect, ctx: EmitContext): Emitted {
  switch (expr.kind) {
    case 'and':
      return emitJunction(expr.children, dialect.and, dialect, ctx);
    case 'or':
      return emitOr(expr.children, dialect, ctx);
    case 'not': {
      const inner = emitExpr(expr.child, dialect, ctx);
      if (isUnsupported(inner)) return inner;
      const grouped = expr.child.kind === 'and' || expr.child.kind === 'or' ? dialect.group(inner) : inner;
      return dialect.not(grouped);
    }
    case 'const':
      return dialect.constant(expr.value);
    default: {
      const emit = dialect.leaves[expr.kind] as (n: Expr, c: EmitContext) => Emitted;
      const out = emit(expr, ctx);
      return isUnsupported(out) && !out.span && 'span' in expr ? { ...out, span: expr.span } : out;
    }
  }
}

function emitJunction(children: readonly Expr[], joiner: string, dialect: Dialect, ctx: EmitContext): Emitted {
  const parts: string[] = [];
  for (const c of children) {
    const text = emitExpr(c, dialect, ctx);
    if (isUnsupported(text)) return text;
    parts.push(c.kind === 'and' || c.kind === 'or' ? dialect.group(text) : text);
  }
  return parts.join(joiner);
}

/** OR with the dialect's same-field shortcut: runs of string/number leaves on one field become one piece. */
function emitOr(children: readonly Expr[], dialect: Dialect, ctx: EmitContext): Emitted {
  if (!dialect.orSameField) return emitJunction(children, dialect.or, dialect, ctx);
  const parts: string[] = [];
  const groups = groupByField(children);
  for (const g of groups) {
    if (Array.isArray(g)) {
      const combined = dialect.orSameField(g[0].field as string, g, ctx);
      if (combined !== undefined) {
        parts.push(combined);
        continue;
      }
      const text = emitJunction(g, dialect.or, dialect, ctx);
      if (isUnsupported(text)) return text;
      parts.push(text);
    } else {
      const text = emitExpr(g as Expr, dialect, ctx);
      if (isUnsupported(text)) return text;
      parts.push(g.kind === 'and' || g.kind === 'or' ? dialect.group(text) : text);
    }
  }
  return parts.join(dialect.or);
}

type Groupable = StringMatch | NumberMatch;

/** Collects string/number leaves by field (keeping first-seen order); other children stay single. */
function groupByField(children: readonly Expr[]): (Expr | Groupable[])[] {
  const out: (Expr | Groupable[])[] = [];
  const strings = new Map<string, Groupable[]>();
  const numbers = new Map<string, Groupable[]>();
  for (const c of children) {
    if ((c.kind === 'string' || c.kind === 'number') && c.field !== null) {
      const byField = c.kind === 'string' ? strings : numbers;
      let g = byField.get(c.field);
      if (!g) {
        g = [];
        byField.set(c.field, g);
        out.push(g);
      }
      g.push(c);
    } else out.push(c);
  }
  return out.map((g) => (Array.isArray(g) && g.length === 1 ? g[0] : g));
}

/** Narrows an emitter result. */
export function unsupported(message: string): Unsupported {
  return { unsupported: message };
}
