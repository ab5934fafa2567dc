/**
 * Splunk SPL leaves. Two tables: search terms (`field="v*"`, case-insensitive, `*` the only wildcard —
 * https://docs.splunk.com/Documentation/Splunk/latest/SearchReference/Search) and eval expressions for
 * `| where` (`match()` PCRE, `cidrmatch()`, `isnull()` — https://docs.splunk.com/Documentation/Splunk/latest/SearchReference/ConditionalFunctions).
 * A rule is written as search terms when it can be; what cannot (`?` wildcards, a literal `*`, case-sensitive
 * values, regexes, field comparisons) moves into `| where` (spl-query.ts).
 */
import { MANY, pattern } from '../ir/pattern.js';
import type { Expr, Match, NumberMatch, StringMatch } from '../ir/types.js';
import { isUnsupported, type Unsupported } from '../pipelines/types.js';
import { emitExpr, unsupported } from './emit.js';
import {
  evalField,
  NEEDS_WHERE,
  patternPcre,
  pcreFlags,
  pcreLiteral,
  searchField,
  searchValue,
  splString,
} from './spl-text.js';
import type { Dialect, EmitContext, Emitted, LeafEmitters } from './types.js';

/** A leaf emitter without context. */
export type Leaf<K extends Match['kind']> = (node: Extract<Match, { kind: K }>) => Emitted;

type Leaves = { readonly [K in Match['kind']]: Leaf<K> };

/** The result of a search leaf that only `| where` can express. */
export const needsWhere: Unsupported = Object.freeze({ unsupported: NEEDS_WHERE });
const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** A search-term field name, or the marker that sends the leaf to `| where`. */
function withField(field: string, text: (f: string) => Emitted): Emitted {
  const f = searchField(field);
  return f ? text(f) : needsWhere;
}

/** Search-term leaves; `needsWhere` when only an eval expression can say it. */
export const SEARCH_LEAVES: Leaves = {
  string: (n) => {
    const v = n.cased ? undefined : searchValue(n.pattern);
    if (v === undefined) return needsWhere;
    return n.field === null ? splString(v) : withField(n.field, (f) => `${f}=${splString(v)}`);
  },
  number: (n) => (n.field === null ? splString(String(n.value)) : withField(n.field, (f) => `${f}=${n.value}`)),
  boolean: (n) => withField(n.field, (f) => `${f}=${splString(String(n.value))}`),
  null: (n) => withField(n.field, (f) => `NOT ${f}=*`),
  exists: (n) => withField(n.field, (f) => (n.exists ? `${f}=*` : `NOT ${f}=*`)),
  regex: () => needsWhere,
  // The search command matches IPv4 CIDR values directly (`src="10.0.0.0/8"`); IPv6 goes to cidrmatch().
  cidr: (n) => (!n.network.includes(':') ? withField(n.field, (f) => `${f}=${splString(n.network)}`) : needsWhere),
  compare: (n) => withField(n.field, (f) => `${f}${OPS[n.op]}${n.value}`),
  datepart: () => needsWhere,
  fieldref: () => needsWhere,
};

/** `isnotnull(f) AND test`: eval functions return null on a missing field, and NOT null would drop the event. */
function guarded(field: string, test: string): string {
  const f = evalField(field);
  return `(isnotnull(${f}) AND ${test})`;
}

function matchRaw(re: string): string {
  return `match(_raw, ${splString(re)})`;
}

function fieldref(n: Extract<Match, { kind: 'fieldref' }>): Emitted {
  const [a, b] = [evalField(n.field), evalField(n.other)];
  const [x, y] = n.cased ? [a, b] : [`lower(${a})`, `lower(${b})`];
  const test = {
    equals: `${x}==${y}`,
    startswith: `substr(${x}, 1, len(${y}))==${y}`,
    endswith: `substr(${x}, len(${x})-len(${y})+1)==${y}`,
    contains: undefined,
  }[n.position];
  if (!test) return unsupported(`field reference with 'contains' has no eval form in SPL`);
  return `(isnotnull(${a}) AND isnotnull(${b}) AND ${test})`;
}

/** Eval-expression leaves for `| where`; every one is false (never null) when its field is missing. */
export const WHERE_LEAVES: Leaves = {
  string: (n) => {
    // A keyword is searched anywhere in the raw event (Sigma full-text semantics), so it is unanchored.
    const p = n.field === null ? pattern([MANY, ...n.pattern, MANY]) : n.pattern;
    const re = `${n.cased ? '' : '(?i)'}${patternPcre(p)}`;
    return n.field === null ? matchRaw(re) : guarded(n.field, `match(${evalField(n.field)}, ${splString(re)})`);
  },
  number: (n) =>
    n.field === null
      ? matchRaw(`(?<![\\d.])${pcreLiteral(String(n.value))}(?![\\d.])`)
      : guarded(n.field, `${evalField(n.field)}==${n.value}`),
  boolean: (n) => guarded(n.field, `match(${evalField(n.field)}, ${splString(`(?i)^${n.value}\\z`)})`),
  null: (n) => `isnull(${evalField(n.field)})`,
  exists: (n) => `${n.exists ? 'isnotnull' : 'isnull'}(${evalField(n.field)})`,
  regex: (n) => {
    const re = `${pcreFlags(n.flags)}${n.regex}`;
    return n.field === null ? matchRaw(re) : guarded(n.field, `match(${evalField(n.field)}, ${splString(re)})`);
  },
  cidr: (n) => guarded(n.field, `cidrmatch(${splString(n.network)}, ${evalField(n.field)})`),
  compare: (n) => guarded(n.field, `${evalField(n.field)}${OPS[n.op]}${n.value}`),
  datepart: () => unsupported('date-part comparisons (hour, day...) of a field: SPL has no portable form'),
  fieldref,
};

function asEmitters(leaves: Leaves): LeafEmitters {
  return leaves as unknown as LeafEmitters;
}

/** `f IN ("a", "b*")` for several case-insensitive search-term values of one field. */
export function orSameField(field: string, nodes: readonly (StringMatch | NumberMatch)[]): string | undefined {
  const f = searchField(field);
  if (!f) return undefined;
  const values: string[] = [];
  for (const n of nodes) {
    if (n.kind === 'number') values.push(String(n.value));
    else {
      const v = n.cased ? undefined : searchValue(n.pattern);
      if (v === undefined) return undefined;
      values.push(splString(v));
    }
  }
  return `${f} IN (${values.join(', ')})`;
}

/** Tokens and pipelines common to the SPL dialects. */
export const SPL_BASE = {
  highlight: 'splunk-spl',
  pipelines: { default: ['splunk-sysmon'], available: ['splunk-sysmon', 'splunk-windows', 'splunk-cim'] },
  // SPL binds OR tighter than AND; the shared emitter groups every nested junction, so this is safe.
  and: ' AND ',
  or: ' OR ',
  not: (inner: string) => `NOT ${inner}`,
  group: (inner: string) => `(${inner})`,
} as const;

/** The search-term sub-dialect: fails with NEEDS_WHERE on a leaf only `| where` can express. */
export const SPL_SEARCH: Dialect = {
  ...SPL_BASE,
  name: 'spl-search',
  title: 'SPL search terms',
  constant: (v) => (v ? '*' : unsupported('a constant false condition')),
  leaves: asEmitters(SEARCH_LEAVES),
  orSameField,
  query: (condition) => condition,
};

/** The eval sub-dialect used inside `| where`. */
export const SPL_WHERE: Dialect = {
  ...SPL_BASE,
  name: 'spl-where',
  title: 'SPL eval expressions',
  constant: (v) => (v ? 'true()' : 'false()'),
  leaves: asEmitters(WHERE_LEAVES),
  query: (condition) => condition,
};

/** Emits one expression as search terms, or undefined when a leaf needs `| where`. */
export function emitSearch(expr: Expr, ctx: EmitContext): string | Unsupported | undefined {
  const out = emitExpr(expr, SPL_SEARCH, ctx);
  return isUnsupported(out) && out.unsupported === NEEDS_WHERE ? undefined : out;
}
