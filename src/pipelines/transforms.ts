/** Value transforms of pipelines, one function per `TransformSpec` type (exhaustive table). */
import { and, mapExpr, or } from '../ir/expr.js';
import { formatSigmaString, isWildcard, literalText, MANY, ONE, pattern, patternShape } from '../ir/pattern.js';
import type { Expr, StringMatch } from '../ir/types.js';
import type { TransformSpec, Unsupported } from './types.js';

type Transform<K extends TransformSpec['type']> = (
  spec: Extract<TransformSpec, { type: K }>,
  node: Expr,
) => Expr | Unsupported;

/** One rewrite per transform type; the compiler lists any type left out. */
const TRANSFORMS: { readonly [K in TransformSpec['type']]: Transform<K> } = {
  hashes: (spec, node) => {
    if (node.kind !== 'string' || node.field !== spec.field) return node;
    const text = literalText(node.pattern.filter((p) => !isWildcard(p)));
    const pairs = (text ?? '').split(',').map((kv) => kv.split('='));
    const out: Expr[] = [];
    for (const [algo, hash] of pairs) {
      const target = spec.algorithms[algo?.trim().toUpperCase() ?? ''];
      if (!target || hash === undefined)
        return { unsupported: `hash value '${text}' has no ALGO=value form this target can split`, span: node.span };
      // `Hashes|contains: 'SHA256='` asks only that a SHA256 was recorded.
      if (hash.trim() === '') out.push({ kind: 'exists', field: target, exists: true, span: node.span });
      else out.push({ kind: 'string', field: target, pattern: pattern([hash.trim()]), cased: false, span: node.span });
    }
    // Every pair of one value is in the event's Hashes text at once; alternatives are separate values.
    return and(out);
  },
  basename: (spec, node) => {
    if (node.kind !== 'string' || node.field !== spec.field) return node;
    const shape = patternShape(node.pattern);
    if (shape.kind !== 'suffix' || !/^[\\/][^\\/]+$/.test(shape.text)) {
      if (!spec.strict) return node;
      return {
        unsupported: `field '${spec.field}' only has its file name here: match it with endswith '\\name.exe'`,
        span: node.span,
      };
    }
    return { ...node, field: spec.to, pattern: pattern([shape.text.slice(1)]) } satisfies StringMatch;
  },
  replace: (spec, node) => {
    if (node.kind !== 'string' || node.field !== spec.field) return node;
    const re = replaceRegex(spec);
    const parts = node.pattern.map((p) => (typeof p === 'string' ? p.replace(re, spec.replacement) : p));
    return { ...node, pattern: pattern(parts.flatMap((p) => (p === '*' ? [MANY] : [p]))) };
  },
  device_path: (spec, node) => {
    if (node.kind !== 'string' || node.field !== spec.field || typeof node.pattern[0] !== 'string') return node;
    const m = /^[a-zA-Z]:\\/.exec(node.pattern[0]);
    if (!m) return node;
    const rest = node.pattern[0].slice(2);
    return { ...node, pattern: pattern(['\\Device\\HarddiskVolume', ONE, rest, ...node.pattern.slice(1)]) };
  },
  number: (spec, node) => {
    if (node.kind !== 'string' || node.field !== spec.field) return node;
    const text = literalText(node.pattern)?.trim() ?? '';
    const value = /^-?\d+$|^0x[0-9a-f]+$/i.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value))
      return {
        unsupported: `field '${spec.field}' is numeric; '${formatSigmaString(node.pattern)}' is not a number`,
        span: node.span,
      };
    return { kind: 'number', field: spec.field, value, span: node.span };
  },
  value_map: (spec, node) => {
    if ((node.kind !== 'string' && node.kind !== 'boolean') || node.field !== spec.field) return node;
    const text = node.kind === 'boolean' ? String(node.value) : literalText(node.pattern);
    const mapped = text === undefined ? undefined : (spec.map[text] ?? spec.map[text.toLowerCase()]);
    if (mapped === undefined) {
      if (!spec.strict) return node;
      const shown = node.kind === 'boolean' ? String(node.value) : formatSigmaString(node.pattern);
      const known = Object.keys(spec.map).join(', ');
      return {
        unsupported: `value '${shown}' of field '${spec.field}' has no mapping (known: ${known})`,
        span: node.span,
      };
    }
    const values = typeof mapped === 'string' ? [mapped] : mapped;
    return or(
      values.map(
        (v): Expr => ({ kind: 'string', field: spec.field, pattern: pattern([v]), cased: false, span: node.span }),
      ),
    );
  },
};

/**
 * The compiled regex of a `replace` spec. A memo of a pure function of the spec object (never reset,
 * nothing stale): the registry-hive transforms of a pipeline run on every value of every registry rule,
 * and building the same RegExp for each showed in CPU profiles of `convert -t kql`.
 */
const REPLACE_REGEXES = new WeakMap<object, RegExp>();

function replaceRegex(spec: { readonly regex: string }): RegExp {
  let re = REPLACE_REGEXES.get(spec);
  if (!re) {
    re = new RegExp(spec.regex, 'i'); // not global: `replace` then ignores and never moves lastIndex
    REPLACE_REGEXES.set(spec, re);
  }
  return re;
}

/** Every transform type, for validating user pipelines. */
export const TRANSFORM_NAMES: readonly string[] = Object.freeze(Object.keys(TRANSFORMS));

/** Applies one transform to every node of an expression; the first unsupported node wins. */
export function applyTransform(spec: TransformSpec, expr: Expr): { expr: Expr; unsupported?: Unsupported } {
  let unsupported: Unsupported | undefined;
  const fn = TRANSFORMS[spec.type] as Transform<typeof spec.type>;
  const out = mapExpr(expr, (node) => {
    const r = fn(spec as never, node);
    if ('unsupported' in r) {
      unsupported ??= r;
      return node;
    }
    return r;
  });
  return { expr: out, unsupported };
}
