/**
 * Builders and a visitor for IR expressions. Builders flatten nested and/or, fold constants and freeze
 * every node, so two equal rules always give identical trees.
 */
import type { Expr, ExprKind } from './types.js';

const TRUE: Expr = Object.freeze({ kind: 'const', value: true });
const FALSE: Expr = Object.freeze({ kind: 'const', value: false });

/** Conjunction; `and([])` is true. */
export function and(children: readonly Expr[]): Expr {
  return junction('and', children);
}

/** Disjunction; `or([])` is false. */
export function or(children: readonly Expr[]): Expr {
  return junction('or', children);
}

function junction(kind: 'and' | 'or', children: readonly Expr[]): Expr {
  const identity = kind === 'and';
  const flat: Expr[] = [];
  for (const c of children) {
    if (c.kind === 'const' && c.value === identity) continue;
    if (c.kind === 'const') return c.value ? TRUE : FALSE;
    if (c.kind === kind) flat.push(...c.children);
    else flat.push(c);
  }
  if (flat.length === 0) return identity ? TRUE : FALSE;
  if (flat.length === 1) return flat[0];
  // A copy of exactly its length (`flat` grew by push, with room to spare): rule trees are kept.
  return Object.freeze({ kind, children: Object.freeze(flat.slice()) });
}

/** Negation, removing double negation and folding constants. */
export function not(child: Expr): Expr {
  if (child.kind === 'not') return child.child;
  if (child.kind === 'const') return child.value ? FALSE : TRUE;
  return Object.freeze({ kind: 'not', child });
}

/** Deep-freezes an expression tree built from plain objects. */
export function freezeExpr(e: Expr): Expr {
  if (e.kind === 'and' || e.kind === 'or') e.children.forEach(freezeExpr);
  if (e.kind === 'not') freezeExpr(e.child);
  if ('pattern' in e) Object.freeze(e.pattern);
  return Object.freeze(e);
}

/** A handler per node kind; the compiler lists any kind a visitor forgets. */
export type ExprVisitor<T> = { readonly [K in ExprKind]: (node: Extract<Expr, { kind: K }>) => T };

/** Dispatches a node to the handler for its kind. */
export function visit<T>(node: Expr, visitor: ExprVisitor<T>): T {
  return (visitor[node.kind] as (n: Expr) => T)(node);
}

/**
 * Rewrites an expression bottom-up: `fn` sees each node after its children were rewritten. A junction or
 * negation whose children `fn` left alone is kept as it is (not rebuilt), so a rewrite that changes
 * nothing costs no allocation.
 */
export function mapExpr(node: Expr, fn: (e: Expr) => Expr): Expr {
  if (node.kind === 'and' || node.kind === 'or') {
    // A new list of children only from the first child that changed.
    let changed: Expr[] | undefined;
    const kids = node.children;
    for (let i = 0; i < kids.length; i++) {
      const c = mapExpr(kids[i], fn);
      if (changed) changed.push(c);
      else if (c !== kids[i]) {
        changed = kids.slice(0, i);
        changed.push(c);
      }
    }
    return fn(changed ? junction(node.kind, changed) : node);
  }
  if (node.kind === 'not') {
    const child = mapExpr(node.child, fn);
    return fn(child === node.child ? node : not(child));
  }
  return fn(node);
}

/** Every leaf of an expression, left to right. */
export function leaves(node: Expr): Expr[] {
  return collectLeaves(node, []);
}

function collectLeaves(node: Expr, out: Expr[]): Expr[] {
  if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) collectLeaves(c, out);
  else if (node.kind === 'not') collectLeaves(node.child, out);
  else out.push(node);
  return out;
}

/** The field names an expression reads (keywords excluded). */
export function fieldsOf(node: Expr): string[] {
  const out = new Set<string>();
  for (const leaf of leaves(node)) {
    if ('field' in leaf && typeof leaf.field === 'string') out.add(leaf.field);
    if (leaf.kind === 'fieldref') out.add(leaf.other);
  }
  return [...out];
}
