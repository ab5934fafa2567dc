/**
 * Structural checkers for query languages with no offline parser (EQL here; SPL and ES|QL reuse the
 * tokenizer). Strict about what the generators emit: strings with the language's escapes, balanced
 * brackets, known words and functions only, field names from the pipeline's output.
 */

/** One token of a query. */
export interface Token {
  readonly kind: 'string' | 'word' | 'number' | 'op' | 'open' | 'close' | 'backtick';
  readonly text: string;
  /** Unescaped value of a string or backtick token. */
  readonly value?: string;
}

/** Tokenizer options per language. */
export interface TokenizerSpec {
  readonly escapes: Readonly<Record<string, string>>;
  /** `\u{XX}` escapes (EQL). */
  readonly unicodeEscape?: boolean;
  readonly backticks?: boolean;
  readonly ops: readonly string[];
  /** Word characters after the first (SPL field names may hold `-` and `:`). */
  readonly wordChars?: string;
}

/** Splits a query into tokens; throws with the offset on anything it does not know. */
export function tokenize(q: string, spec: TokenizerSpec): Token[] {
  const out: Token[] = [];
  const ops = [...spec.ops].sort((a, b) => b.length - a.length);
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      let v = '';
      let j = i + 1;
      for (; j < q.length && q[j] !== '"'; j++) {
        if (q[j] !== '\\') {
          v += q[j];
          continue;
        }
        const e = q[++j];
        const u = spec.unicodeEscape && e === 'u' ? /^u\{([0-9a-f]+)\}/.exec(q.slice(j)) : null;
        if (u) {
          v += String.fromCodePoint(Number.parseInt(u[1], 16));
          j += u[0].length - 1;
        } else if (e !== undefined && e in spec.escapes) v += spec.escapes[e];
        else throw new Error(`bad escape \\${e} at ${j}`);
      }
      if (j >= q.length) throw new Error(`unterminated string at ${i}`);
      out.push({ kind: 'string', text: q.slice(i, j + 1), value: v });
      i = j + 1;
    } else if ((c === '`' || (c === '?' && q[i + 1] === '`')) && spec.backticks) {
      const m = /^\??`((?:[^`]|``)*)`/.exec(q.slice(i));
      if (!m) throw new Error(`unterminated backtick at ${i}`);
      out.push({ kind: 'backtick', text: m[0], value: m[1].replace(/``/g, '`') });
      i += m[0].length;
    } else if ('([{'.includes(c)) out.push({ kind: 'open', text: q[i++] });
    else if (')]}'.includes(c)) out.push({ kind: 'close', text: q[i++] });
    else {
      const num = /^-?\d+(\.\d+)?(?![\w.])/.exec(q.slice(i));
      const word = new RegExp(`^(?:[?@A-Za-z_][\\w.@${spec.wordChars ?? ''}]*~?|\\d+[smhd]\\b)`).exec(q.slice(i));
      const op = ops.find((o) => q.startsWith(o, i));
      const m = num
        ? { kind: 'number' as const, text: num[0] }
        : word
          ? { kind: 'word' as const, text: word[0] }
          : op
            ? { kind: 'op' as const, text: op }
            : undefined;
      if (!m) throw new Error(`unexpected ${JSON.stringify(c)} at ${i}`);
      out.push(m);
      i += m.text.length;
    }
  }
  return out;
}

/** Throws unless brackets balance and nest. */
export function checkBrackets(tokens: readonly Token[]): void {
  const stack: string[] = [];
  const pair: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const t of tokens) {
    if (t.kind === 'open') stack.push(t.text);
    else if (t.kind === 'close' && stack.pop() !== pair[t.text]) throw new Error(`unbalanced ${t.text}`);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join('')}`);
}

/** Words that must be a field: followed by a comparison operator. Throws when one is not allowed. */
export function checkFields(
  tokens: readonly Token[],
  comparators: ReadonlySet<string>,
  fields: ReadonlySet<string>,
  keywords: ReadonlySet<string>,
): void {
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (!next || !comparators.has(next.text)) return;
    const name = t.kind === 'backtick' ? t.value : t.kind === 'word' ? t.text.replace(/^\?/, '') : undefined;
    if (name === undefined || keywords.has(name)) return;
    if (!fields.has(name)) throw new Error(`unknown field ${name}`);
  });
}

const EQL_SPEC: TokenizerSpec = {
  escapes: { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' },
  unicodeEscape: true,
  backticks: true,
  ops: ['==', '!=', '>=', '<=', '>', '<', ':', ',', '='],
};
const EQL_WORDS = new Set([
  'and',
  'or',
  'not',
  'where',
  'any',
  'sequence',
  'by',
  'with',
  'maxspan',
  'in',
  'like',
  'like~',
  'regex',
  'regex~',
  'null',
  'true',
  'false',
  'cidrMatch',
]);
const EQL_CMP = new Set(['==', '!=', '>=', '<=', '>', '<', ':', 'in', 'like', 'like~', 'regex', 'regex~']);

/** Checks one EQL query; returns its tokens. */
export function checkEql(q: string, fields: ReadonlySet<string>): Token[] {
  const tokens = tokenize(q, EQL_SPEC);
  checkBrackets(tokens);
  const first = tokens[0]?.text;
  if (first !== 'sequence' && tokens[1]?.text !== 'where')
    throw new Error('an EQL query starts with `<category> where`');
  for (const t of tokens) {
    if (
      t.kind === 'word' &&
      !EQL_WORDS.has(t.text) &&
      !fields.has(t.text.replace(/^\?/, '')) &&
      !/^\d+[smhd]$/.test(t.text)
    ) {
      if (t !== tokens[0] && !/^[a-z]+$/.test(t.text)) throw new Error(`unknown word ${t.text}`);
    }
  }
  checkFields(tokens, EQL_CMP, fields, EQL_WORDS);
  return tokens;
}

/** Tokenizes an EQL string literal back to its value. */
export function unescapeEql(literal: string): string | undefined {
  const t = tokenize(literal, EQL_SPEC);
  return t.length === 1 && t[0].kind === 'string' ? t[0].value : undefined;
}
