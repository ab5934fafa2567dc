/**
 * A strict structural checker for the Sumo Logic queries tripline emits: the scope line, an allow-list
 * of pipe operators, and a tokenizer + recursive-descent parser for `where` / `if` expressions with
 * Sumo's string escapes (`\\`, `\"`), `%"field"` references and `/regex/` literals (compiled with RE2).
 * Field names are checked against the pipeline's target fields.
 */
import { compileRe2 } from '../../../src/ir/validate.js';

export type SumoToken =
  | { kind: 'string'; value: string }
  | { kind: 'regex'; value: string }
  | { kind: 'field'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string };

/** Tokenizes a Sumo expression, unescaping strings and `%"..."`; a `/` after `matches` opens a regex literal. */
export function tokenizeSumo(text: string): SumoToken[] {
  const out: SumoToken[] = [];
  let i = 0;
  const quoted = (): string => {
    let value = '';
    for (i++; ; i++) {
      if (i >= text.length) throw new Error('unterminated string');
      const c = text[i];
      if (c === '\\') {
        const n = text[++i];
        if (n !== '\\' && n !== '"') throw new Error(`unknown escape \\${n}`);
        value += n;
      } else if (c === '"') break;
      else if (/[\n\r]/.test(c)) throw new Error('line break inside a string');
      else value += c;
    }
    i++;
    return value;
  };
  while (i < text.length) {
    const c = text[i];
    const last = out[out.length - 1];
    if (/\s/.test(c)) i++;
    else if (c === '"') out.push({ kind: 'string', value: quoted() });
    else if (c === '%' && text[i + 1] === '"') {
      i++;
      out.push({ kind: 'field', value: quoted() });
    } else if (c === '/' && last?.kind === 'word' && last.value === 'matches') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '/'; j++) {
        if (text[j] === '\\') j++;
        if (/[\n\r]/.test(text[j])) throw new Error('line break inside a regex literal');
      }
      if (j >= text.length) throw new Error('unterminated regex literal');
      out.push({ kind: 'regex', value: text.slice(i + 1, j) });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i)) as RegExpExecArray;
      out.push({ kind: 'number', value: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)) as RegExpExecArray;
      out.push({ kind: 'word', value: m[0] });
      i += m[0].length;
    } else {
      const two = text.slice(i, i + 2);
      if (['!=', '<=', '>=', '=='].includes(two)) {
        out.push({ kind: 'punct', value: two });
        i += 2;
      } else if ('(),=<>!+'.includes(c)) {
        out.push({ kind: 'punct', value: c });
        i++;
      } else throw new Error(`unexpected character '${c}'`);
    }
  }
  return out;
}

const FUNCTIONS = new Set(['toLowerCase', 'isNull', 'isBlank', 'isEmpty', 'num', 'compareCIDRPrefix', 'toInt', 'if']);
const BUILTIN = new Set(['_raw', '_timeslice', 'value', 'rules', 'corr_value']);
const KEYWORDS = new Set(['and', 'or', 'matches', 'in', 'as', 'by', 'true', 'false']);

/** Checks one `where`/`if` expression; `fields` are the names the pipeline may produce. */
export function checkSumoExpression(text: string, fields: ReadonlySet<string>, problems: string[]): void {
  const toks = tokenizeSumo(text);
  let i = 0;
  const peek = (o = 0) => toks[i + o];
  const expect = (v: string) => {
    if (peek()?.value !== v) throw new Error(`expected ${v} at token ${i} (${peek()?.value ?? 'end'})`);
    i++;
  };
  const value = (): void => {
    const t = peek();
    if (!t) throw new Error('expected a value');
    i++;
    if (t.kind === 'string' || t.kind === 'number') return;
    if (t.kind === 'field') {
      if (!fields.has(t.value)) problems.push(`unknown field %"${t.value}"`);
      return;
    }
    if (t.kind === 'word' && peek()?.value === '(') {
      if (!FUNCTIONS.has(t.value)) problems.push(`unknown function ${t.value}`);
      i++;
      if (peek()?.value !== ')') {
        expression();
        while (peek()?.value === ',') {
          i++;
          expression();
        }
      }
      expect(')');
      return;
    }
    if (t.kind === 'word' && !KEYWORDS.has(t.value)) {
      if (!fields.has(t.value) && !BUILTIN.has(t.value) && !/^rule\d+$/.test(t.value))
        problems.push(`unknown field ${t.value}`);
      return;
    }
    throw new Error(`unexpected ${t.value} at token ${i - 1}`);
  };
  const predicate = (): void => {
    value();
    const t = peek();
    if (t?.kind === 'punct' && ['=', '!=', '<', '<=', '>', '>=', '==', '+'].includes(t.value)) {
      i++;
      value();
    } else if (t?.value === 'matches') {
      i++;
      const v = peek();
      if (v?.kind === 'regex') {
        try {
          compileRe2(v.value, { ignoreCase: false, multiline: false, dotAll: false });
        } catch (e) {
          problems.push(`bad regex /${v.value}/: ${(e as Error).message}`);
        }
      } else if (v?.kind !== 'string') throw new Error('matches needs a string or regex literal');
      i++;
    } else if (t?.value === 'in') {
      i++;
      expect('(');
      do {
        if (peek()?.kind !== 'string') throw new Error('in list takes strings');
        i++;
      } while (peek()?.value === ',' && ++i);
      expect(')');
    }
  };
  const unary = (): void => {
    if (peek()?.value === '!') {
      i++;
      unary();
    } else if (peek()?.value === '(' && peek()?.kind === 'punct') {
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

const SCOPE = /^(\*|(_sourceCategory|_index)=[A-Za-z0-9_/*.-]+( (_sourceCategory|_index)=[A-Za-z0-9_/*.-]+)*)$/;

/** Checks one Sumo query: scope line, then allow-listed pipe operators. */
export function checkSumo(query: string, fields: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const lines = query.split('\n');
  if (!SCOPE.test(lines[0])) problems.push(`bad scope line: ${lines[0]}`);
  let sawWhere = false;
  for (const line of lines.slice(1)) {
    try {
      const op = /^\| (.*)$/.exec(line)?.[1];
      if (op === undefined) throw new Error(`line does not start with '| ': ${line}`);
      if (op === 'json auto') continue;
      let m = /^where (.*)$/.exec(op);
      if (m) {
        sawWhere = true;
        checkSumoExpression(m[1], fields, problems);
        continue;
      }
      if (/^timeslice \d+[smhd]$/.test(op)) continue;
      m = /^if\((.*), 1, 0\) as rule\d+$/.exec(op) ?? /^num\((.*)\) as corr_value$/.exec(op);
      if (m) {
        checkSumoExpression(m[1], fields, problems);
        continue;
      }
      if (/^(rule\d+)( \+ rule\d+)* as rules$/.test(op)) continue;
      m =
        /^(count|count_distinct\((.+)\)|sum\(corr_value\)|avg\(corr_value\)|pct\(corr_value, \d+\)|max\(rule\d+\)) as (value|rule\d+)(, max\(rule\d+\) as rule\d+)* by _timeslice(, .+)*$/.exec(
          op,
        );
      if (m) continue;
      throw new Error(`operator not allowed: ${op}`);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (!sawWhere) problems.push('no where clause');
  return problems;
}
