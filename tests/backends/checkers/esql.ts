/** Structural checker for ES|QL queries (tokenizer shared with the EQL checker). */
import { checkBrackets, checkFields, type Token, type TokenizerSpec, tokenize } from './eql.js';

const SPEC: TokenizerSpec = {
  escapes: { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' },
  backticks: true,
  ops: ['==', '!=', '>=', '<=', '>', '<', ',', '=', '|', '*', '+'],
};
const COMMANDS = new Set(['FROM', 'WHERE', 'EVAL', 'STATS', 'BY']);
const WORDS = new Set([
  ...COMMANDS,
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'IN',
  'LIKE',
  'RLIKE',
  'true',
  'false',
  'TO_LOWER',
  'TO_IP',
  'CIDR_MATCH',
  'COALESCE',
  'DATE_EXTRACT',
  'STARTS_WITH',
  'ENDS_WITH',
  'LOCATE',
  'CASE',
  'COUNT',
  'COUNT_DISTINCT',
  'SUM',
  'AVG',
  'PERCENTILE',
  'MIN',
  'MAX',
  'BUCKET',
  'minutes',
  'hours',
  'days',
  'seconds',
  '@timestamp',
  'logs',
]);
const CMP = new Set(['==', '!=', '>=', '<=', '>', '<', 'IN', 'LIKE', 'RLIKE', 'IS']);

/** Checks one ES|QL query against the fields the pipeline produced; returns its tokens. */
export function checkEsql(q: string, fields: ReadonlySet<string>): Token[] {
  if (!q.startsWith('FROM logs-* ')) throw new Error('an ES|QL query starts with FROM logs-*');
  const tokens = tokenize(q.slice('FROM logs-*'.length), SPEC);
  checkBrackets(tokens);
  const local = new Set(fields);
  tokens.forEach((t, i) => {
    // Names a query defines itself (EVAL x = ..., STATS x = ...).
    if (t.kind === 'word' && tokens[i + 1]?.text === '=') local.add(t.text);
    if (t.kind === 'op' && t.text === '|' && !COMMANDS.has(tokens[i + 1]?.text ?? ''))
      throw new Error(`unknown command after | : ${tokens[i + 1]?.text}`);
  });
  for (const t of tokens)
    if (t.kind === 'word' && !WORDS.has(t.text) && !local.has(t.text)) throw new Error(`unknown word ${t.text}`);
  checkFields(tokens, CMP, local, WORDS);
  return tokens;
}

/** Tokenizes an ES|QL string literal back to its value. */
export function unescapeEsql(literal: string): string | undefined {
  const t = tokenize(literal, SPEC);
  return t.length === 1 && t[0].kind === 'string' ? t[0].value : undefined;
}
