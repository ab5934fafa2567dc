/**
 * A strict structural checker for the YARA-L 2.0 rules tripline emits: sections in order (meta, events,
 * match, outcome, condition; meta/events/condition required), quoted meta values, a tokenizer with
 * YARA-L string escapes and `/regex/` literals (compiled with RE2), a parser for events statements, UDM
 * field paths against the pipeline's field set, `metadata.event_type` enum values, placeholders bound in
 * events, and every event variable referenced in the condition.
 */
import { compileRe2 } from '../../../src/ir/validate.js';

export type YaralToken = { kind: 'string' | 'regex' | 'number' | 'var' | 'count' | 'word' | 'punct'; value: string };

/** UDM `metadata.event_type` enum names (https://cloud.google.com/chronicle/docs/reference/udm-field-list). */
export const UDM_EVENT_TYPES = new Set([
  'PROCESS_LAUNCH',
  'PROCESS_TERMINATION',
  'PROCESS_MODULE_LOAD',
  'PROCESS_OPEN',
  'PROCESS_INJECTION',
  'PROCESS_UNCATEGORIZED',
  'NETWORK_CONNECTION',
  'NETWORK_DNS',
  'NETWORK_HTTP',
  'NETWORK_FLOW',
  'FILE_CREATION',
  'FILE_DELETION',
  'FILE_MODIFICATION',
  'FILE_MOVE',
  'FILE_OPEN',
  'FILE_READ',
  'FILE_COPY',
  'FILE_UNCATEGORIZED',
  'REGISTRY_CREATION',
  'REGISTRY_MODIFICATION',
  'REGISTRY_DELETION',
  'REGISTRY_UNCATEGORIZED',
  'USER_LOGIN',
  'USER_LOGOUT',
  'USER_CREATION',
  'USER_UNCATEGORIZED',
  'SERVICE_CREATION',
  'SERVICE_START',
  'SCHEDULED_TASK_CREATION',
  'STATUS_UPDATE',
  'GENERIC_EVENT',
]);
const ENUM_VALUES: Readonly<Record<string, ReadonlySet<string>>> = {
  'metadata.event_type': UDM_EVENT_TYPES,
  'network.direction': new Set(['INBOUND', 'OUTBOUND', 'BROADCAST']),
  'network.ip_protocol': new Set(['TCP', 'UDP', 'ICMP']),
};

/** Tokenizes YARA-L text; strings are unescaped, `/` after `=`/`!=` opens a regex literal. */
export function tokenizeYaral(text: string): YaralToken[] {
  const out: YaralToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const last = out[out.length - 1];
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      let value = '';
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated string');
        if (text[i] === '\\') {
          const n = text[++i];
          if (n !== '\\' && n !== '"') throw new Error(`unknown escape \\${n}`);
          value += n;
        } else if (text[i] === '"') break;
        else if (/[\n\r]/.test(text[i])) throw new Error('line break inside a string');
        else value += text[i];
      }
      i++;
      out.push({ kind: 'string', value });
    } else if (c === '/' && last?.kind === 'punct' && (last.value === '=' || last.value === '!=')) {
      let j = i + 1;
      for (; j < text.length && text[j] !== '/'; j++) {
        if (text[j] === '\\') j++;
        if (/[\n\r]/.test(text[j])) throw new Error('line break inside a regex literal');
      }
      if (j >= text.length) throw new Error('unterminated regex literal');
      out.push({ kind: 'regex', value: text.slice(i + 1, j) });
      i = j + 1;
    } else {
      const m =
        /^(?<var>\$[A-Za-z_][A-Za-z0-9_]*)|^(?<count>#[A-Za-z_][A-Za-z0-9_]*)|^(?<number>-?\d+(\.\d+)?)|^(?<word>[A-Za-z_][A-Za-z0-9_]*)|^(?<punct>!=|<=|>=|[{}()[\],.=<>:])/.exec(
          text.slice(i),
        );
      if (!m?.groups) throw new Error(`unexpected character '${c}'`);
      const [kind, value] = Object.entries(m.groups).find(([, v]) => v !== undefined) as [YaralToken['kind'], string];
      out.push({ kind, value });
      i += value.length;
    }
  }
  return out;
}

interface Scan {
  readonly fields: ReadonlySet<string>;
  readonly problems: string[];
  readonly eventVars: Set<string>;
  readonly placeholders: Set<string>;
}

/** Parses one events-section statement (a boolean expression). */
function checkStatement(toks: YaralToken[], s: Scan): void {
  let i = 0;
  const peek = (o = 0) => toks[i + o];
  const expect = (v: string) => {
    if (peek()?.value !== v) throw new Error(`expected ${v}, got ${peek()?.value ?? 'end'}`);
    i++;
  };
  /** `$e.a.b` or `$e.additional.fields["k"]`; returns the UDM path. */
  const fieldRef = (): string | undefined => {
    const v = peek();
    if (v?.kind !== 'var') return undefined;
    i++;
    if (peek()?.value !== '.') {
      s.placeholders.add(v.value);
      return '';
    }
    s.eventVars.add(v.value);
    const parts: string[] = [];
    while (peek()?.value === '.') {
      i++;
      if (peek()?.kind !== 'word') throw new Error('field path needs a name after "."');
      parts.push(peek().value);
      i++;
    }
    const path = parts.join('.');
    if (path === 'additional.fields' && peek()?.value === '[') {
      i++;
      if (peek()?.kind !== 'string') throw new Error('additional.fields[...] needs a string key');
      i++;
      expect(']');
      return path;
    }
    if (!s.fields.has(path) && path !== 'metadata.event_timestamp.seconds')
      s.problems.push(`unknown UDM field ${path}`);
    return path;
  };
  const operand = (): { path?: string } => {
    const t = peek();
    if (!t) throw new Error('expected an operand');
    if (t.kind === 'var') return { path: fieldRef() };
    if (
      t.kind === 'string' ||
      t.kind === 'number' ||
      (t.kind === 'word' && (t.value === 'true' || t.value === 'false'))
    ) {
      i++;
      return {};
    }
    if (t.kind === 'word' && t.value === 'strings' && peek(2)?.value === 'to_lower') {
      i += 3;
      expect('(');
      fieldRef();
      expect(')');
      return {};
    }
    throw new Error(`unexpected ${t.value}`);
  };
  const predicate = (): void => {
    if (peek()?.value === 'net' && peek(2)?.value === 'ip_in_range_cidr') {
      i += 3;
      expect('(');
      fieldRef();
      expect(',');
      if (peek()?.kind !== 'string') throw new Error('ip_in_range_cidr needs a quoted network');
      i++;
      expect(')');
      return;
    }
    const left = operand();
    const op = peek();
    if (op?.kind !== 'punct' || !['=', '!=', '<', '<=', '>', '>='].includes(op.value))
      throw new Error(`expected a comparison, got ${op?.value ?? 'end'}`);
    i++;
    const right = peek();
    if (right?.kind === 'regex') {
      try {
        compileRe2(right.value, { ignoreCase: false, multiline: false, dotAll: false });
      } catch (e) {
        s.problems.push(`bad regex /${right.value}/: ${(e as Error).message}`);
      }
      i++;
    } else {
      const enums = left.path ? ENUM_VALUES[left.path] : undefined;
      if (enums && (right?.kind !== 'string' || !enums.has(right.value)))
        s.problems.push(`${left.path} takes an enum name, got ${right?.value}`);
      operand();
    }
    if (peek()?.value === 'nocase') i++;
  };
  const unary = (): void => {
    if (peek()?.value === 'not') {
      i++;
      unary();
    } else if (peek()?.value === '(') {
      i++;
      expression();
      expect(')');
    } else predicate();
  };
  const conjunction = (): void => {
    unary();
    while (peek()?.value === 'and') {
      i++;
      unary();
    }
  };
  function expression(): void {
    conjunction();
    while (peek()?.value === 'or') {
      i++;
      conjunction();
    }
  }
  expression();
  if (i !== toks.length) throw new Error(`trailing tokens: ${peek().value}`);
}

const ORDER = ['meta', 'events', 'match', 'outcome', 'condition'];

/** Checks one YARA-L rule; `fields` are the UDM paths the pipeline may produce. */
export function checkYaral(text: string, fields: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (!/^rule [a-z][a-z0-9_]* \{$/.test(lines[0])) problems.push(`bad rule header: ${lines[0]}`);
  if (lines[lines.length - 1] !== '}') problems.push('rule must end with }');
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines.slice(1, -1)) {
    const head = /^ {2}([a-z]+):$/.exec(line);
    if (head) {
      if (!ORDER.includes(head[1])) problems.push(`unknown section ${head[1]}`);
      if (sections.has(head[1])) problems.push(`duplicate section ${head[1]}`);
      current = [];
      sections.set(head[1], current);
    } else if (current && line.startsWith('    ')) current.push(line.slice(4));
    else problems.push(`line outside a section: ${line}`);
  }
  const names = [...sections.keys()];
  if (names.join() !== ORDER.filter((n) => sections.has(n)).join()) problems.push(`sections out of order: ${names}`);
  for (const req of ['meta', 'events', 'condition']) if (!sections.has(req)) problems.push(`missing ${req} section`);
  for (const m of sections.get('meta') ?? []) {
    try {
      const t = tokenizeYaral(m);
      if (t.length !== 3 || t[0].kind !== 'word' || t[1].value !== '=' || t[2].kind !== 'string')
        problems.push(`meta lines are key = "value": ${m}`);
    } catch (e) {
      problems.push(`meta: ${(e as Error).message}`);
    }
  }
  const scan: Scan = { fields, problems, eventVars: new Set(), placeholders: new Set() };
  for (const st of sections.get('events') ?? []) {
    try {
      checkStatement(tokenizeYaral(st), scan);
    } catch (e) {
      problems.push(`events: ${(e as Error).message}: ${st}`);
    }
  }
  checkTail(sections, scan);
  return problems;
}

/** match / outcome / condition: placeholders bound, outcome aggregates known, every event variable used. */
function checkTail(sections: Map<string, string[]>, s: Scan): void {
  for (const m of sections.get('match') ?? []) {
    const mm = /^(\$\w+(, \$\w+)*) over \d+[smhd]$/.exec(m);
    if (!mm) s.problems.push(`bad match line: ${m}`);
    else
      for (const p of mm[1].split(', '))
        if (!s.placeholders.has(p)) s.problems.push(`match variable ${p} is not bound in events`);
  }
  if (s.placeholders.size && !sections.has('match')) s.problems.push('placeholders need a match section');
  const outcomes = new Set<string>();
  for (const o of sections.get('outcome') ?? []) {
    const om = /^(\$\w+) = (count_distinct|count|sum|avg|max|min)\((\$\w+)\.([a-z_.]+(\["[^"]*"\])?)\)$/.exec(o);
    if (!om) s.problems.push(`bad outcome line: ${o}`);
    else outcomes.add(om[1]);
  }
  const cond = (sections.get('condition') ?? []).join(' ');
  const toks = (() => {
    try {
      return tokenizeYaral(cond);
    } catch (e) {
      s.problems.push(`condition: ${(e as Error).message}`);
      return [];
    }
  })();
  const used = new Set(toks.filter((t) => t.kind === 'var' || t.kind === 'count').map((t) => `$${t.value.slice(1)}`));
  for (const v of s.eventVars) if (!used.has(v)) s.problems.push(`event variable ${v} is not in the condition`);
  for (const t of toks)
    if (t.kind === 'var' && !s.eventVars.has(t.value) && !outcomes.has(t.value))
      s.problems.push(`condition names unknown variable ${t.value}`);
    else if (t.kind === 'word' && !['and', 'or', 'not'].includes(t.value))
      s.problems.push(`unexpected word ${t.value} in condition`);
}
