/**
 * The `sigma` target: the normalised rule written back as Sigma YAML. Consumes a rule after pipelines;
 * produces one YAML document whose detection re-parses to the same IR. Leaves become searches with the
 * narrowest modifiers their pattern shape allows (contains/startswith/endswith, else wildcards escaped by
 * formatSigmaString); adjacent OR-ed values of one field share a list, adjacent AND-ed fields share a map,
 * and and/or/not become the condition.
 */
import { DEFAULT_SCHEMA, dump, Type } from 'js-yaml';
import { escapeSigmaLiteral, formatSigmaString, isPlaceholder, patternShape } from '../ir/pattern.js';
import type { DetectionRule, Expr, Match } from '../ir/types.js';
import { isCoreNonString } from '../sigma/yaml-fast.js';
import type { Dialect, Emitted } from './types.js';

/**
 * js-yaml's schema for writing, plus one check: strings that YAML 1.2 core reads as something else (e.g.
 * `530065006e0073006500`, a float there) are quoted, so reading the output gives the same strings back.
 */
const WRITE_SCHEMA = DEFAULT_SCHEMA.extend({
  implicit: [new Type('tag:tripline,2026:core-non-string', { kind: 'scalar', resolve: isCoreNonString })],
});

type Value = string | number | boolean | null;
/** One leaf as a search entry: its key (`field|mods`, `''` for keywords) and value. */
type Entry = readonly [key: string, value: Value];

function key(field: string | null, mods: readonly string[]): string {
  return [field ?? '', ...mods].join('|');
}

/** A leaf as a Sigma search entry, or why it has no Sigma form. */
export function leafEntry(m: Match): Entry | { unsupported: string } {
  switch (m.kind) {
    case 'string': {
      const shape = patternShape(m.pattern);
      const cased = m.cased ? ['cased'] : [];
      const expand = m.pattern.some(isPlaceholder) ? ['expand'] : [];
      if (m.field === null) return [key(null, [...cased, ...expand]), formatSigmaString(m.pattern)];
      if (shape.kind === 'prefix' || shape.kind === 'suffix' || shape.kind === 'contains') {
        const mod = { prefix: 'startswith', suffix: 'endswith', contains: 'contains' }[shape.kind];
        return [key(m.field, [mod, ...cased]), escapeSigmaLiteral(shape.text)];
      }
      return [key(m.field, [...cased, ...expand]), formatSigmaString(m.pattern)];
    }
    case 'number':
      return [key(m.field, []), m.value];
    case 'boolean':
      return [key(m.field, []), m.value];
    case 'null':
      return [key(m.field, []), null];
    case 'exists':
      return [key(m.field, ['exists']), m.exists];
    case 'regex': {
      const f = m.flags;
      const flags = [f.ignoreCase ? 'i' : '', f.multiline ? 'm' : '', f.dotAll ? 's' : ''].filter(Boolean);
      return [key(m.field, ['re', ...flags]), m.regex];
    }
    case 'cidr':
      return [key(m.field, ['cidr']), m.network];
    case 'compare':
      return [key(m.field, [m.op]), m.value];
    case 'datepart':
      return [key(m.field, m.op === 'eq' ? [m.part] : [m.part, m.op]), m.value];
    case 'fieldref': {
      const pos = m.position === 'equals' ? [] : [m.position];
      return [key(m.field, ['fieldref', ...pos, ...(m.cased ? ['cased'] : [])]), m.other];
    }
  }
}

/** Named searches and the condition that rebuild an expression. */
interface Built {
  readonly searches: Record<string, unknown>;
  readonly condition: string;
}

/** Rebuilds searches and a condition from an IR expression. */
export function exprToDetection(expr: Expr): Built | { unsupported: string } {
  const searches: Record<string, unknown> = {};
  const add = (value: unknown) => {
    const name = `selection${Object.keys(searches).length + 1}`;
    searches[name] = value;
    return name;
  };
  const isLeaf = (e: Expr): e is Match => e.kind !== 'and' && e.kind !== 'or' && e.kind !== 'not' && e.kind !== 'const';
  const walk = (e: Expr, parent: 'and' | 'or' | 'not' | 'top'): string => {
    if (e.kind === 'const') throw new Error(`a constant ${e.value} has no Sigma search`);
    if (e.kind === 'not') return `not ${walk(e.child, 'not')}`;
    if (isLeaf(e)) return add(search([entryOf(e)]));
    const parts: string[] = [];
    const kids = e.children;
    for (let i = 0; i < kids.length; ) {
      const run: Entry[] = [];
      while (i < kids.length && isLeaf(kids[i])) {
        const entry = entryOf(kids[i] as Match);
        const clash =
          e.kind === 'and'
            ? run.some((r) => r[0] === entry[0]) || entry[0] === ''
            : run.length > 0 && run[0][0] !== entry[0];
        if (clash) break;
        run.push(entry);
        i++;
      }
      if (run.length > 0) parts.push(add(e.kind === 'and' ? search(run) : listSearch(run)));
      else parts.push(walk(kids[i++], e.kind));
    }
    const text = parts.join(` ${e.kind} `);
    return parts.length > 1 && parent !== 'top' ? `(${text})` : text;
  };
  try {
    return { searches, condition: walk(expr, 'top') };
  } catch (err) {
    return { unsupported: (err as Error).message };
  }
}

function entryOf(m: Match): Entry {
  const e = leafEntry(m);
  if ('unsupported' in e) throw new Error(e.unsupported);
  return e;
}

/** AND-ed entries with distinct keys as one map; a lone keyword as a one-item list. */
function search(entries: readonly Entry[]): unknown {
  if (entries.length === 1 && entries[0][0] === '') return [entries[0][1]];
  if (entries.length === 1 && entries[0][0].startsWith('|')) return { [entries[0][0]]: entries[0][1] };
  return Object.fromEntries(entries);
}

/** OR-ed entries of one key as a list value (keywords as a plain list). */
function listSearch(entries: readonly Entry[]): unknown {
  const values = entries.map((e) => e[1]);
  if (entries[0][0] === '') return values;
  return { [entries[0][0]]: values.length === 1 ? values[0] : values };
}

/** The rule as a Sigma YAML document. */
export function ruleToSigma(rule: DetectionRule): Emitted {
  const built = exprToDetection(rule.expr);
  if ('unsupported' in built) return built;
  const m = rule.meta;
  const doc: Record<string, unknown> = {
    title: m.title,
    id: m.id,
    name: m.name,
    status: m.status,
    description: m.description,
    references: m.references.length ? m.references : undefined,
    author: m.author,
    date: m.date,
    modified: m.modified,
    tags: m.tags.length ? m.tags : undefined,
    logsource: { ...rule.logsource },
    detection: { ...built.searches, condition: built.condition },
    falsepositives: m.falsepositives.length ? m.falsepositives : undefined,
    level: m.level,
  };
  const clean = Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined));
  return dump(clean, { schema: WRITE_SCHEMA, lineWidth: -1, noRefs: true }).trimEnd();
}

/** `sigma`: normalised Sigma YAML (after pipelines), one document per rule. */
export const SIGMA: Dialect = {
  name: 'sigma',
  title: 'Sigma (normalised YAML)',
  highlight: 'yaml',
  pipelines: { default: [], available: [] },
  and: ' and ',
  or: ' or ',
  not: (inner) => `not ${inner}`,
  group: (inner) => `(${inner})`,
  // Leaves only have to be expressible; query() rebuilds the YAML from the IR itself.
  constant: (value) => ({ unsupported: `a constant ${value} condition has no Sigma search` }),
  leaves: {
    string: (n) => describe(n),
    number: (n) => describe(n),
    boolean: (n) => describe(n),
    null: (n) => describe(n),
    exists: (n) => describe(n),
    regex: (n) => describe(n),
    cidr: (n) => describe(n),
    compare: (n) => describe(n),
    datepart: (n) => describe(n),
    fieldref: (n) => describe(n),
  },
  query: (_condition, _scope, rule) => {
    const out = ruleToSigma(rule);
    return typeof out === 'string' ? out : `# ${out.unsupported}`;
  },
} satisfies Dialect;

/** A leaf's search key, or why it has none (query() writes the values). */
function describe(m: Match): Emitted {
  const e = leafEntry(m);
  return 'unsupported' in e ? e : e[0];
}
