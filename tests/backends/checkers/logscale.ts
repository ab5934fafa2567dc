/**
 * A strict structural checker for the LogScale (CQL) queries tripline emits: tokens, string and regex
 * literal escapes, bracket balance, known functions and keywords, and field names against an allowed set.
 * No vendor grammar can be shipped, so this encodes the documented syntax we rely on.
 */

import { compileRe2 } from '../../../src/ir/validate.js';

/** A CQL token. `value` is the unescaped content of strings and regex literals. */
export interface Token {
  readonly kind: 'string' | 'regex' | 'word' | 'number' | 'op' | 'punct';
  readonly text: string;
  readonly value: string;
  readonly flags?: string;
}

const FUNCTIONS = new Set(['in', 'cidr', 'test', 'lower', 'bucket', 'count', 'sum', 'avg', 'groupBy']);
const KEYWORDS = new Set(['and', 'or', 'not']);
const REGEX_FLAGS = /^[imdgF]*$/;

/** Splits a query into tokens; throws with the offset on anything CQL would reject. */
export function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const prevAllowsRegex = () => {
    const p = out[out.length - 1];
    return (
      !p ||
      (p.kind === 'op' && p.text !== ')') ||
      (p.kind === 'punct' && p.text !== ')' && p.text !== ']') ||
      (p.kind === 'word' && KEYWORDS.has(p.text))
    );
  };
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let v = '';
      let j = i + 1;
      for (; j < q.length && q[j] !== '"'; j++) {
        if (q[j] === '\n') throw new Error(`raw newline in string at ${j}`);
        if (q[j] === '\\') {
          const e = q[++j];
          v += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '*' ? '\\*' : e;
        } else v += q[j];
      }
      if (j >= q.length) throw new Error(`unterminated string at ${i}`);
      out.push({ kind: 'string', text: q.slice(i, j + 1), value: v });
      i = j + 1;
    } else if (c === '/' && prevAllowsRegex()) {
      if (q[i + 1] === '/') throw new Error(`'//' opens a comment at ${i}`);
      let j = i + 1;
      let inClass = false;
      for (; j < q.length && (q[j] !== '/' || inClass); j++) {
        if (q[j] === '\\') j++;
        else if (q[j] === '[') inClass = true;
        else if (q[j] === ']') inClass = false;
        else if (q[j] === '\n') throw new Error(`raw newline in regex at ${j}`);
      }
      if (j >= q.length) throw new Error(`unterminated regex at ${i}`);
      const body = q.slice(i + 1, j);
      const flags = /^[a-zA-Z]*/.exec(q.slice(j + 1))?.[0] ?? '';
      if (!REGEX_FLAGS.test(flags)) throw new Error(`bad regex flags '${flags}' at ${j}`);
      out.push({ kind: 'regex', text: q.slice(i, j + 1 + flags.length), value: body.replace(/\\\//g, '/'), flags });
      i = j + 1 + flags.length;
    } else if (/[#@\w.:-]/.test(c)) {
      const m = /^[#@\w.:-]+/.exec(q.slice(i))![0];
      out.push({ kind: /^-?\d+(\.\d+)?$/.test(m) ? 'number' : 'word', text: m, value: m });
      i += m.length;
    } else if (/[<>!=]/.test(c)) {
      const m = /^(<=|>=|==|!=|=|<|>)/.exec(q.slice(i))?.[0];
      if (!m) throw new Error(`bad operator at ${i}`);
      out.push({ kind: 'op', text: m, value: m });
      i += m.length;
    } else if ('()[],|*'.includes(c)) {
      out.push({ kind: 'punct', text: c, value: c });
      i++;
    } else throw new Error(`unexpected character '${c}' at ${i}`);
  }
  return out;
}

/** Checks a whole query; returns the problems found (empty when it is well-formed). */
export function checkLogscale(q: string, allowedFields?: ReadonlySet<string>): string[] {
  let tokens: Token[];
  try {
    tokens = tokenize(q);
  } catch (e) {
    return [(e as Error).message];
  }
  const problems: string[] = [];
  const stack: string[] = [];
  tokens.forEach((t, k) => {
    if (t.text === '(' || t.text === '[') stack.push(t.text);
    if (t.text === ')' && stack.pop() !== '(') problems.push(`unbalanced ')' at token ${k}`);
    if (t.text === ']' && stack.pop() !== '[') problems.push(`unbalanced ']' at token ${k}`);
    const next = tokens[k + 1];
    if (t.kind === 'word' && next?.text === '(' && !KEYWORDS.has(t.text) && !FUNCTIONS.has(t.text))
      problems.push(`unknown function ${t.text}()`);
    if (t.kind === 'regex') {
      try {
        const f = t.flags ?? '';
        compileRe2(t.value, { ignoreCase: f.includes('i'), multiline: f.includes('m'), dotAll: f.includes('d') });
      } catch (e) {
        problems.push(`regex does not compile: ${(e as Error).message}`);
      }
    }
    if (
      t.kind === 'word' &&
      next?.kind === 'op' &&
      allowedFields &&
      !KEYWORDS.has(t.text) &&
      !allowedFields.has(t.text)
    ) {
      problems.push(`field ${t.text} is not produced by the pipeline`);
    }
  });
  if (stack.length > 0) problems.push(`unclosed ${stack.join('')}`);
  return problems;
}
