/**
 * A strict structural checker for the AQL tripline emits (no vendor grammar can ship): a tokenizer with
 * AQL's quoting ('' inside strings, "custom property"), a recursive-descent parser for SELECT ... FROM
 * events WHERE ... [GROUP BY ... HAVING ...] LAST n UNIT, a keyword/function allow-list, field names
 * against the pipeline's target fields, and every MATCHES regex compiled (JS RegExp as a Java stand-in).
 */
import type { PipelineSpec } from '../../../src/pipelines/types.js';

export type AqlToken =
  | { kind: 'string'; value: string }
  | { kind: 'quoted'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string };

/** Splits AQL text into tokens, unescaping string literals; throws on an unterminated literal or a stray character. */
export function tokenizeAql(text: string): AqlToken[] {
  const out: AqlToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === "'" || c === '"') {
      let value = '';
      for (i++; ; i++) {
        if (i >= text.length) throw new Error(`unterminated ${c} literal`);
        if (text[i] === c && text[i + 1] === c && c === "'") {
          value += c;
          i++;
        } else if (text[i] === c) break;
        else value += text[i];
      }
      i++;
      out.push({ kind: c === "'" ? 'string' : 'quoted', value });
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
      if (['!=', '<=', '>=', '<>'].includes(two)) {
        out.push({ kind: 'punct', value: two });
        i += 2;
      } else if ('(),=<>*'.includes(c)) {
        out.push({ kind: 'punct', value: c });
        i++;
      } else throw new Error(`unexpected character '${c}' at ${i}`);
    }
  }
  return out;
}

const FUNCTIONS = new Set(['LOWER', 'UTF8', 'LOGSOURCETYPENAME', 'LOGSOURCENAME', 'QIDNAME', 'CATEGORYNAME', 'INCIDR']);
const AGGREGATES = new Set(['COUNT', 'UNIQUECOUNT', 'SUM', 'AVG']);
const COLUMNS = new Set([
  'sourceip',
  'destinationip',
  'sourceport',
  'destinationport',
  'username',
  'devicetype',
  'payload',
  'protocolid',
  'qid',
  'category',
  'devicetime',
]);
const MATCH_OPS = new Set(['LIKE', 'ILIKE', 'MATCHES', 'IMATCHES']);
const COMPARE = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** Every target field name a pipeline can produce (maps, scopes, transforms). */
export function pipelineFieldSet(p: PipelineSpec): Set<string> {
  const out = new Set<string>();
  const addMap = (m: Readonly<Record<string, string | readonly string[]>> | undefined) => {
    for (const v of Object.values(m ?? {})) for (const f of typeof v === 'string' ? [v] : v) out.add(f);
  };
  addMap(p.fields);
  for (const l of p.logsources ?? []) {
    addMap(l.fields);
    for (const k of Object.keys(l.conditions ?? {})) out.add(k);
  }
  for (const t of p.transforms ?? []) {
    out.add(t.field);
    if (t.type === 'hashes') for (const f of Object.values(t.algorithms)) out.add(f);
    if (t.type === 'basename') out.add(t.to);
  }
  return out;
}

/** Checks one AQL query; returns the problems found (empty when it passes). */
export function checkAql(text: string, fields: ReadonlySet<string>): string[] {
  let toks: AqlToken[];
  try {
    toks = tokenizeAql(text);
  } catch (e) {
    return [(e as Error).message];
  }
  const problems: string[] = [];
  const aliases = new Set<string>();
  let i = 0;
  const peek = (o = 0) => toks[i + o];
  const isWord = (w: string, o = 0) => peek(o)?.kind === 'word' && peek(o).value.toUpperCase() === w;
  const expect = (w: string) => {
    if (isWord(w) || (peek()?.kind === 'punct' && peek().value === w)) i++;
    else throw new Error(`expected ${w} at token ${i} (${peek()?.value ?? 'end'})`);
  };
  const operand = (): void => {
    const t = peek();
    if (!t) throw new Error('expected an operand, got end');
    if (t.kind === 'string' || t.kind === 'number') i++;
    else if (t.kind === 'quoted') {
      if (!fields.has(t.value) && !aliases.has(t.value)) problems.push(`unknown custom property "${t.value}"`);
      i++;
    } else if (t.kind === 'word' && peek(1)?.value === '(') {
      const fn = t.value.toUpperCase();
      if (!FUNCTIONS.has(fn) && !AGGREGATES.has(fn)) problems.push(`unknown function ${t.value}`);
      i += 2;
      if (peek()?.value === '*') i++;
      else {
        operand();
        while (peek()?.value === ',') {
          i++;
          operand();
        }
      }
      expect(')');
    } else if (t.kind === 'word') {
      if (!COLUMNS.has(t.value) && !aliases.has(t.value)) problems.push(`unknown column ${t.value}`);
      i++;
    } else throw new Error(`unexpected ${t.value} at token ${i}`);
  };
  const predicate = (): void => {
    if (isWord('INCIDR')) {
      i += 2;
      if (peek()?.kind !== 'string') throw new Error('INCIDR needs a quoted network');
      i++;
      expect(',');
      operand();
      expect(')');
      return;
    }
    operand();
    if (isWord('NOT') && MATCH_OPS.has(peek(1)?.value.toUpperCase() ?? '')) i++;
    const t = peek();
    if (t?.kind === 'punct' && COMPARE.has(t.value)) {
      i++;
      operand();
    } else if (t?.kind === 'word' && MATCH_OPS.has(t.value.toUpperCase())) {
      i++;
      const v = peek();
      if (v?.kind !== 'string') throw new Error(`${t.value} needs a string literal`);
      if (t.value.toUpperCase().endsWith('MATCHES')) {
        try {
          // JS lacks Java's scoped flags `(?ms:...)` on Node 20: strip flags, keep the structure.
          new RegExp(v.value.replace(/\(\?[imsu]+(:|\))/g, (_, end: string) => (end === ':' ? '(?:' : '(?:)')));
        } catch (e) {
          problems.push(`bad regex ${v.value}: ${(e as Error).message}`);
        }
      }
      i++;
    } else if (isWord('IS')) {
      i++;
      if (isWord('NOT')) i++;
      expect('NULL');
    } else if (isWord('IN')) {
      i++;
      expect('(');
      do {
        if (peek()?.kind !== 'string' && peek()?.kind !== 'number') throw new Error('IN list takes literals');
        i++;
      } while (peek()?.value === ',' && ++i);
      expect(')');
    } else throw new Error(`expected an operator at token ${i} (${t?.value ?? 'end'})`);
  };
  const factor = (): void => {
    if (isWord('NOT')) {
      i++;
      factor();
    } else if (peek()?.value === '(' && peek()?.kind === 'punct') {
      i++;
      condition();
      expect(')');
    } else predicate();
  };
  const conjunction = (): void => {
    factor();
    while (isWord('AND')) {
      i++;
      factor();
    }
  };
  const condition = (): void => {
    conjunction();
    while (isWord('OR')) {
      i++;
      conjunction();
    }
  };
  try {
    expect('SELECT');
    do {
      if (peek()?.value === '*') i++;
      else operand();
      if (isWord('AS')) {
        i++;
        aliases.add(peek().value);
        i++;
      }
    } while (peek()?.value === ',' && ++i);
    expect('FROM');
    if (!isWord('EVENTS')) throw new Error('FROM must name events');
    i++;
    expect('WHERE');
    condition();
    if (isWord('GROUP')) {
      i++;
      expect('BY');
      do operand();
      while (peek()?.value === ',' && ++i);
    }
    if (isWord('HAVING')) {
      i++;
      condition();
    }
    expect('LAST');
    if (peek()?.kind !== 'number') throw new Error('LAST needs a number');
    i++;
    if (!['MINUTES', 'HOURS', 'DAYS'].includes(peek()?.value.toUpperCase() ?? '')) throw new Error('LAST needs a unit');
    i++;
    if (i !== toks.length) throw new Error(`trailing tokens after LAST: ${peek().value}`);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}
