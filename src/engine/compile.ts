/**
 * Compiles a detection rule's IR tree once into nested closures (no tree walking per event). A rule the
 * engine cannot run (a regex RE2 rejects, a malformed network) becomes a diagnostic, never an exception.
 */
import { report } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { type ExprVisitor, leaves, visit } from '../ir/expr.js';
import type { DetectionRule, Expr } from '../ir/types.js';
import { checkCidr } from '../ir/validate.js';
import { groupOr } from './groups.js';
import {
  compileBoolean,
  compileCidr,
  compileCompare,
  compileDatePart,
  compileExists,
  compileFieldRef,
  compileNull,
  compileNumber,
  compileRegex,
  compileString,
  type Predicate,
} from './leaves.js';
import { type Requirement, requirementOf } from './require.js';

/** A detection rule ready to run: its predicate and the literals an event must hold for it to match. */
export interface CompiledRule {
  readonly rule: DetectionRule;
  readonly test: Predicate;
  /** Atoms of which at least one must be present in a matching event; undefined when none is known. */
  readonly requirement: Requirement | undefined;
}

/**
 * Compiles a detection rule, or returns why the engine cannot run it. The predicate is built on the rule's
 * first evaluation: most rules never see an event of their log source or with their literals, and a
 * compiled copy per thread of every rule would only cost memory. `check` (default true) compiles the tree
 * once up front anyway, so a rule that cannot compile is a diagnostic here, never an exception mid-hunt;
 * workers, given rules the main thread already checked, pass false.
 */
export function compileRule(rule: DetectionRule, check = true): CompiledRule | Diagnostic {
  const problem = findProblem(rule);
  if (problem) return problem;
  try {
    if (check) compileExpr(rule.expr);
    return Object.freeze({ rule, test: lazyPredicate(rule.expr), requirement: requirementOf(rule.expr) });
  } catch (e) {
    return report('invalid-value', rule.origin.file, rule.origin.span, `rule cannot run: ${(e as Error).message}`);
  }
}

/** A predicate that compiles `e` when first called (the compiled closure then answers every call). */
function lazyPredicate(e: Expr): Predicate {
  let compiled: Predicate | undefined;
  return (v) => {
    compiled ??= compileExpr(e);
    return compiled(v);
  };
}

/** True when a compileRule result is a compiled rule rather than a diagnostic. */
export function isCompiled(x: CompiledRule | Diagnostic): x is CompiledRule {
  return 'test' in x;
}

function findProblem(rule: DetectionRule): Diagnostic | undefined {
  for (const leaf of leaves(rule.expr)) {
    if (leaf.kind === 'regex') {
      try {
        compileRegex(leaf);
      } catch (e) {
        const why = (e as Error).message.replace(/^error parsing regexp: /, '');
        return report(
          'unsafe-regex',
          rule.origin.file,
          leaf.span ?? rule.origin.span,
          `rule skipped by the hunt engine: RE2 rejects /${leaf.regex}/ (${why}); rewrite it without lookaround or backreferences`,
        );
      }
    }
    if (leaf.kind === 'cidr') {
      const bad = checkCidr(leaf.network);
      if (bad) return report('invalid-cidr', rule.origin.file, leaf.span ?? rule.origin.span, bad);
    }
  }
  return undefined;
}

const TRUE: Predicate = () => true;
const FALSE: Predicate = () => false;

const COMPILER: ExprVisitor<Predicate> = {
  string: compileString,
  number: compileNumber,
  boolean: (n) => compileBoolean(n.field, n.value),
  null: (n) => compileNull(n.field),
  exists: (n) => compileExists(n.field, n.exists),
  regex: compileRegex,
  cidr: compileCidr,
  compare: compileCompare,
  datepart: compileDatePart,
  fieldref: compileFieldRef,
  const: (n) => (n.value ? TRUE : FALSE),
  and: (n) => all(n.children.map(compileExpr)),
  or: (n) => {
    const { merged, rest } = groupOr(n.children);
    return any([...merged, ...rest.map(compileExpr)]);
  },
  not: (n) => {
    const child = compileExpr(n.child);
    return (v) => !child(v);
  },
};

/** Compiles an expression into a predicate. */
export function compileExpr(e: Expr): Predicate {
  return visit(e, COMPILER);
}

function all(ps: readonly Predicate[]): Predicate {
  if (ps.length === 2) {
    const [a, b] = ps;
    return (v) => a(v) && b(v);
  }
  return (v) => {
    for (let i = 0; i < ps.length; i++) if (!ps[i](v)) return false;
    return true;
  };
}

function any(ps: readonly Predicate[]): Predicate {
  if (ps.length === 1) return ps[0];
  if (ps.length === 2) {
    const [a, b] = ps;
    return (v) => a(v) || b(v);
  }
  return (v) => {
    for (let i = 0; i < ps.length; i++) if (ps[i](v)) return true;
    return false;
  };
}
