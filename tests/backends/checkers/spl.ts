/** Structural checker for SPL queries (tokenizer shared with the EQL checker). */
import { checkBrackets, type Token, type TokenizerSpec, tokenize } from './eql.js';

const SPEC: TokenizerSpec = {
  escapes: { '"': '"', '\\': '\\' },
  wordChars: ':\\-',
  ops: ['==', '!=', '>=', '<=', '>', '<', ',', '=', '|', '*', '-', '+', "'"],
};
const COMMANDS = new Set(['search', 'where', 'eval', 'sort', 'streamstats', 'multisearch', 'tstats', 'datamodel']);
const WORDS = new Set([
  ...COMMANDS,
  'AND',
  'OR',
  'NOT',
  'IN',
  'by',
  'as',
  'from',
  'count',
  'dc',
  'sum',
  'avg',
  'max',
  'min',
  'null',
  '_time',
  '_raw',
  'match',
  'cidrmatch',
  'isnull',
  'isnotnull',
  'lower',
  'substr',
  'len',
  'if',
  'true',
  'false',
  'time_window',
  'summariesonly',
  'allow_old_summaries',
  'fillnull_value',
  'firstTime',
  'lastTime',
  'sigma_rule',
  'rule_count',
  'event_count',
  'value_count',
  'value_sum',
  'value_avg',
  'value_percentile',
  'search',
]);

/** Checks one SPL query against the fields the pipeline produced; returns its tokens. */
export function checkSpl(q: string, fields: ReadonlySet<string>): Token[] {
  // The internal marker must never leak into a query.
  if (/[\u0000]/.test(q)) throw new Error('internal marker in query');
  const tokens = tokenize(q, SPEC);
  checkBrackets(tokens);
  tokens.forEach((t, i) => {
    if (t.kind === 'op' && t.text === '|' && !COMMANDS.has(tokens[i + 1]?.text ?? ''))
      throw new Error(`unknown command after | : ${tokens[i + 1]?.text}`);
  });
  for (const t of tokens) {
    if (t.kind !== 'word' || WORDS.has(t.text) || fields.has(t.text)) continue;
    if (/^(sigma_|perc\d+$|datamodel=|\d+[smhd]$)/.test(t.text)) continue;
    throw new Error(`unknown word ${t.text}`);
  }
  return tokens;
}

/** Tokenizes an SPL string literal back to its value. */
export function unescapeSpl(literal: string): string | undefined {
  const t = tokenize(literal, SPEC);
  return t.length === 1 && t[0].kind === 'string' ? t[0].value : undefined;
}
