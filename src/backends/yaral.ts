/**
 * Google SecOps YARA-L 2.0 rules. Semantics per construct are in docs/targets/yaral.md; syntax per
 * https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax.
 * - `$e.f = "v" nocase` compares whole values; `/re/ nocase` regex literals (RE2) search the value, so
 *   Sigma wildcards become anchored regexes; `/` inside a regex literal is escaped.
 * - `net.ip_in_range_cidr($e.f, "10.0.0.0/8")` (IPv4 and IPv6); integers (ports) are unquoted.
 * - UDM has no null: an absent string field reads as "", so `null` and `exists` compare with "" (warned).
 * - Enum fields (`metadata.event_type`...) take exact, upper-case enum names only.
 */
import { fieldsOf, leaves } from '../ir/expr.js';
import { patternShape } from '../ir/pattern.js';
import type { DetectionRule, NumberMatch, RegexMatch, StringMatch } from '../ir/types.js';
import { unsupported } from './emit.js';
import { patternToRegex } from './shared.js';
import type { Dialect, EmitContext, Emitted } from './types.js';
import { yaralCorrelation } from './yaral-correlation.js';
import { CONTROL, yaralRule } from './yaral-rule.js';

/** UDM integer fields: numbers are written unquoted, and only they take gt/gte/lt/lte. */
export const UDM_INTEGERS: ReadonlySet<string> = new Set([
  'target.port',
  'principal.port',
  'src.port',
  'network.dns.response_code',
  'network.sent_bytes',
  'network.received_bytes',
  'target.process.integrity_level_rid',
  'network.http.response_code',
]);

/** UDM enum fields: exact upper-case names only, no `nocase`, no regex. */
export const UDM_ENUMS: ReadonlySet<string> = new Set([
  'metadata.event_type',
  'network.direction',
  'network.ip_protocol',
]);

const ADDITIONAL = 'additional.fields.';

/** A YARA-L string literal with exactly the value `s` (`\\`, `\"`), or undefined for control characters. */
export function yaralString(s: string): string | undefined {
  return CONTROL.test(s) ? undefined : `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

/** A YARA-L regex literal: unescaped `/` and control characters escaped for RE2. */
export function yaralRegex(source: string): string {
  if (!source.includes('/') && !CONTROL.test(source)) return `/${source}/`; // most regexes: nothing to escape
  const safe = source
    .replace(/\\.|\//g, (m) => (m === '/' ? '\\/' : m))
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\x{${c.charCodeAt(0).toString(16)}}`);
  return `/${safe}/`;
}

/** `$e.udm.path`, or `$e.additional.fields["Name"]` for a pass-through field. */
export function yaralField(v: string, name: string): Emitted {
  if (name.startsWith(ADDITIONAL)) {
    const key = yaralString(name.slice(ADDITIONAL.length));
    return key ? `${v}.additional.fields[${key}]` : unsupported(`field name '${name}' has control characters`);
  }
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(name))
    return unsupported(`field '${name}' is not a UDM field path (map it in the pipeline)`);
  return `${v}.${name}`;
}

function stringMatch(v: string, n: StringMatch): Emitted {
  if (n.field === null) return unsupported('keywords (YARA-L has no search over the raw event text)');
  const f = yaralField(v, n.field);
  if (typeof f !== 'string') return f;
  const shape = patternShape(n.pattern);
  if (UDM_ENUMS.has(n.field)) {
    if (shape.kind !== 'exact' || !/^[A-Z][A-Z0-9_]*$/.test(shape.text))
      return unsupported(`enum field '${n.field}' only takes exact UDM enum names (got a pattern or unknown value)`);
    return `${f} = "${shape.text}"`;
  }
  if (UDM_INTEGERS.has(n.field) && shape.kind === 'exact' && /^-?\d+$/.test(shape.text)) return `${f} = ${shape.text}`;
  if (shape.kind === 'any') return `${f} != ""`;
  const nocase = n.cased ? '' : ' nocase';
  if (shape.kind === 'exact') {
    const s = yaralString(shape.text);
    if (s) return `${f} = ${s}${nocase}`;
  }
  return `${f} = ${yaralRegex(patternToRegex(n.pattern))}${nocase}`;
}

function regexMatch(v: string, n: RegexMatch): Emitted {
  if (n.field === null) return unsupported('keyword regexes (YARA-L has no search over the raw event text)');
  const f = yaralField(v, n.field);
  if (typeof f !== 'string') return f;
  const flags = `${n.flags.multiline ? 'm' : ''}${n.flags.dotAll ? 's' : ''}`;
  return `${f} = ${yaralRegex(`${flags ? `(?${flags})` : ''}${n.regex}`)}${n.flags.ignoreCase ? ' nocase' : ''}`;
}

function numberMatch(v: string, n: NumberMatch): Emitted {
  if (n.field === null) return unsupported('keywords (YARA-L has no search over the raw event text)');
  const f = yaralField(v, n.field);
  if (typeof f !== 'string') return f;
  return UDM_INTEGERS.has(n.field) ? `${f} = ${n.value}` : `${f} = "${n.value}"`;
}

const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The YARA-L expression dialect over one event variable (`$e`, or `$e1`... in multi-event rules). */
export function yaralDialect(v: string): Dialect {
  const field = (name: string, then: (f: string) => string): Emitted => {
    const f = yaralField(v, name);
    return typeof f === 'string' ? then(f) : f;
  };
  return {
    name: 'yaral',
    title: 'Google SecOps YARA-L 2.0',
    highlight: 'yaral',
    pipelines: { default: ['secops-udm'], available: ['secops-udm'] },
    and: ' and ',
    or: ' or ',
    not: (inner) => `not (${inner})`,
    group: (inner) => `(${inner})`,
    constant: (value) => (value ? `${v}.metadata.event_type != ""` : unsupported('a rule that can never match')),
    leaves: {
      string: (n) => stringMatch(v, n),
      number: (n) => numberMatch(v, n),
      // additional.fields holds strings; typed UDM booleans compare with true/false.
      boolean: (n) =>
        field(n.field, (f) => (n.field.startsWith(ADDITIONAL) ? `${f} = "${n.value}" nocase` : `${f} = ${n.value}`)),
      null: (n) => field(n.field, (f) => `${f} = ""`),
      exists: (n) => field(n.field, (f) => `${f} ${n.exists ? '!=' : '='} ""`),
      regex: (n) => regexMatch(v, n),
      cidr: (n) => field(n.field, (f) => `net.ip_in_range_cidr(${f}, "${n.network}")`),
      compare: (n) =>
        UDM_INTEGERS.has(n.field)
          ? field(n.field, (f) => `${f} ${OPS[n.op]} ${n.value}`)
          : unsupported(`numeric comparison of '${n.field}' (not a UDM integer field)`),
      datepart: () => unsupported('date-part modifiers (minute, hour, ...) have no YARA-L event filter form'),
      fieldref: (n) => {
        if (n.position !== 'equals') return unsupported(`fieldref with ${n.position} has no YARA-L form`);
        const [a, b] = [yaralField(v, n.field), yaralField(v, n.other)];
        if (typeof a !== 'string') return a;
        if (typeof b !== 'string') return b;
        return n.cased ? `${a} = ${b}` : `strings.to_lower(${a}) = strings.to_lower(${b})`;
      },
    },
    query: (condition, scope, rule, ctx) => {
      warnApproximations(rule, ctx);
      const events = [scope.condition, condition].filter((x): x is string => x !== undefined).map(statement);
      return yaralRule(rule.meta, { events, condition: ['$e'] });
    },
    correlation: yaralCorrelation,
  };
}

/** One events-section statement; OR-ed text is grouped so statements AND together as written. */
export function statement(text: string): string {
  return / or /.test(text) ? `(${text})` : text;
}

/** Warns about the UDM approximations a rule relies on. */
export function warnApproximations(rule: DetectionRule, ctx: EmitContext): void {
  const extra = fieldsOf(rule.expr).filter((f) => f.startsWith(ADDITIONAL));
  if (extra.length)
    ctx.warn(
      `fields without a UDM mapping are read from additional.fields: ${extra.map((f) => f.slice(ADDITIONAL.length)).join(', ')}`,
    );
  if (leaves(rule.expr).some((l) => l.kind === 'null' || l.kind === 'exists'))
    ctx.warn('UDM has no null: null/exists are written as comparisons with "" (an empty value counts as absent)');
}

/** The YARA-L dialect (single-event detections over `$e`). */
export const YARAL: Dialect = yaralDialect('$e');
