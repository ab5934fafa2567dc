/**
 * Sumo Logic Cloud SIEM rule expressions (the boolean `expression` of a match rule), over Cloud SIEM record
 * attributes as the sumo-cse pipeline names them. The language is Spark SQL's expression syntax
 * (https://help.sumologic.com/docs/cse/rules/cse-rules-syntax/): `lower()`, `LIKE` with `%`/`_`, `RLIKE` (Java
 * regex, partial match, as Sigma's `re`), `IS NULL`, `IN`. Kept with the export because only match rules use it.
 */
import { unsupported } from '../backends/emit.js';
import { exactTexts } from '../backends/shared.js';
import type { Dialect, Emitted } from '../backends/types.js';
import { isWildcard, patternShape } from '../ir/pattern.js';
import type { NumberMatch, Pattern, StringMatch } from '../ir/types.js';

/** A single-quoted Spark SQL string literal. */
export function cseString(s: string): string {
  const escaped = s.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** An attribute reference (backquoted when not a plain identifier). */
const field = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``);

/** A LIKE pattern: `*` -> `%`, `?` -> `_`, literal `%`, `_` and `\` escaped. */
function likePattern(p: Pattern, lower: boolean): string {
  return p
    .map((part) => {
      if (typeof part === 'string') return (lower ? part.toLowerCase() : part).replace(/[\\%_]/g, '\\$&');
      if (isWildcard(part)) return part.wildcard === 'many' ? '%' : '_';
      return '';
    })
    .join('');
}

function stringMatch(n: StringMatch): Emitted {
  if (n.field === null)
    return unsupported('keywords (Cloud SIEM rule expressions test record attributes, not raw text)');
  if (n.pattern.some((x) => typeof x !== 'string' && !isWildcard(x))) return unsupported('unresolved placeholder');
  const f = field(n.field);
  const shape = patternShape(n.pattern);
  if (shape.kind === 'any') return `${f} IS NOT NULL`;
  const subject = n.cased ? f : `lower(${f})`;
  if (shape.kind === 'exact') return `${subject} = ${cseString(n.cased ? shape.text : shape.text.toLowerCase())}`;
  return `${subject} LIKE ${cseString(likePattern(n.pattern, !n.cased))}`;
}

function orSameField(name: string, nodes: readonly (StringMatch | NumberMatch)[]): string | undefined {
  const exact = exactTexts(nodes);
  if (!exact) return undefined;
  return `${exact.cased ? field(name) : `lower(${field(name)})`} IN (${exact.texts.map(cseString).join(', ')})`;
}

const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The Cloud SIEM rule expression dialect (not a CLI target: used by the Sumo export for match rules). */
export const CSE_EXPRESSION = {
  name: 'sumo-cse-rule',
  title: 'Sumo Logic Cloud SIEM rule expression',
  highlight: 'sql',
  pipelines: { default: ['sumo-cse'], available: ['sumo-cse'] },
  and: ' AND ',
  or: ' OR ',
  not: (inner) => `NOT (${inner})`,
  group: (inner) => `(${inner})`,
  constant: (value) => (value ? 'true' : 'false'),
  leaves: {
    string: stringMatch,
    number: (n) => (n.field === null ? unsupported('keyword numbers') : `${field(n.field)} = ${n.value}`),
    boolean: (n) => `${field(n.field)} = ${n.value}`,
    null: (n) => `${field(n.field)} IS NULL`,
    exists: (n) => `${field(n.field)} IS ${n.exists ? 'NOT ' : ''}NULL`,
    regex: (n) => {
      if (n.field === null) return unsupported('keyword regexes');
      const f = `${n.flags.ignoreCase ? 'i' : ''}${n.flags.multiline ? 'm' : ''}${n.flags.dotAll ? 's' : ''}`;
      return `${field(n.field)} RLIKE ${cseString(`${f ? `(?${f})` : ''}${n.regex}`)}`;
    },
    cidr: () => unsupported('CIDR networks (no network-membership function in rule expressions here)'),
    compare: (n) => `${field(n.field)} ${OPS[n.op]} ${n.value}`,
    datepart: () => unsupported('date-part modifiers'),
    fieldref: (n) => {
      if (n.position !== 'equals') return unsupported(`fieldref with ${n.position}`);
      return n.cased ? `${field(n.field)} = ${field(n.other)}` : `lower(${field(n.field)}) = lower(${field(n.other)})`;
    },
  },
  orSameField,
  // Record indexes (`_index=sec_record_endpoint`) are a log-search notion: a match rule sees every record and
  // is scoped by the attributes it tests, so only the pipeline's scope conditions are kept.
  query: (condition, scope) => (scope.condition ? `${scope.condition} AND (${condition})` : condition),
} satisfies Dialect;
