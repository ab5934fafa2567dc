/**
 * The Sigma condition grammar. Consumes a condition string; produces an AST with character offsets, or a
 * syntax error with the offset where parsing stopped. Precedence: `not` > `and` > `or`; `1 of` / `all of`
 * quantifiers take a search name pattern (with `*` wildcards) or `them`.
 */

/** A node of a parsed condition; `start`/`end` are offsets into the condition text. */
export type ConditionNode =
  | {
      readonly kind: 'and' | 'or';
      readonly operands: readonly ConditionNode[];
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'not'; readonly operand: ConditionNode; readonly start: number; readonly end: number }
  | { readonly kind: 'ref'; readonly name: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'quantifier';
      readonly quantifier: 'one' | 'all';
      /** A search name pattern, or `them` for every search. */
      readonly target: string;
      readonly start: number;
      readonly end: number;
    };

/** A condition parse failure with the offset of the offending token. */
export interface ConditionError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly tooDeep?: boolean;
}

/** Result of parsing one condition. */
export type ConditionResult =
  | { readonly ok: true; readonly ast: ConditionNode }
  | { readonly ok: false; readonly error: ConditionError };

/** Deepest nesting accepted; far beyond any real rule, small enough to never exhaust the stack. */
export const MAX_CONDITION_DEPTH = 200;

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN = /\s*(\(|\)|[^\s()]+)/y;
const IDENTIFIER = /^[\p{L}\p{N}_.\-*?]+$/u;
const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', 'all', '1', 'any']);

/** Splits a condition into tokens: parentheses and words. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    tokens.push({ text: m[1], start, end: start + m[1].length });
  }
  return tokens;
}

class SyntaxFailure extends Error {
  constructor(readonly failure: ConditionError) {
    super(failure.message);
  }
}

/** Parses a Sigma condition. Never throws; errors carry the offset that caused them. */
export function parseCondition(text: string): ConditionResult {
  const parser = new Parser(tokenize(text), text.length);
  try {
    const ast = parser.parseOr(0);
    parser.expectEnd();
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.failure };
    throw e;
  }
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  parseOr(depth: number): ConditionNode {
    return this.parseBinary('or', () => this.parseAnd(depth));
  }

  private parseAnd(depth: number): ConditionNode {
    return this.parseBinary('and', () => this.parseNot(depth));
  }

  private parseBinary(op: 'and' | 'or', operand: () => ConditionNode): ConditionNode {
    const operands = [operand()];
    while (this.peekWord() === op) {
      this.pos++;
      operands.push(operand());
    }
    if (operands.length === 1) return operands[0];
    return { kind: op, operands, start: operands[0].start, end: operands[operands.length - 1].end };
  }

  private parseNot(depth: number): ConditionNode {
    const tok = this.peek();
    if (tok && tok.text.toLowerCase() === 'not') {
      this.pos++;
      this.guardDepth(depth + 1, tok);
      const operand = this.parseNot(depth + 1);
      return { kind: 'not', operand, start: tok.start, end: operand.end };
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): ConditionNode {
    const tok = this.next('a search name, `(`, `not`, `1 of` or `all of`');
    if (tok.text === '(') {
      this.guardDepth(depth + 1, tok);
      const inner = this.parseOr(depth + 1);
      const close = this.next('`)`');
      if (close.text !== ')') this.fail(`expected \`)\` to close the \`(\` at offset ${tok.start}`, close);
      return { ...inner, start: tok.start, end: close.end };
    }
    const word = tok.text.toLowerCase();
    if (word === '1' || word === 'all' || word === 'any')
      return this.parseQuantifier(tok, word === 'all' ? 'all' : 'one');
    if (tok.text === ')') this.fail('unexpected `)`: no `(` is open here', tok);
    if (KEYWORDS.has(word)) this.fail(`unexpected \`${tok.text}\`: a search name belongs here`, tok);
    if (!IDENTIFIER.test(tok.text)) this.fail(`\`${tok.text}\` is not a valid search name`, tok);
    if (tok.text.includes('*')) this.fail(`wildcards in \`${tok.text}\` need \`1 of\` or \`all of\` before them`, tok);
    return { kind: 'ref', name: tok.text, start: tok.start, end: tok.end };
  }

  private parseQuantifier(first: Token, quantifier: 'one' | 'all'): ConditionNode {
    const of = this.next('`of`');
    if (of.text.toLowerCase() !== 'of') this.fail(`expected \`of\` after \`${first.text}\``, of);
    const target = this.next('a search name pattern or `them`');
    const lower = target.text.toLowerCase();
    if (target.text === '(' || target.text === ')' || (KEYWORDS.has(lower) && lower !== 'them')) {
      this.fail(`expected a search name pattern or \`them\` after \`of\``, target);
    }
    if (!IDENTIFIER.test(target.text)) this.fail(`\`${target.text}\` is not a valid search name pattern`, target);
    return {
      kind: 'quantifier',
      quantifier,
      target: lower === 'them' ? 'them' : target.text,
      start: first.start,
      end: target.end,
    };
  }

  expectEnd(): void {
    const tok = this.peek();
    if (tok) this.fail(`unexpected \`${tok.text}\`: expected \`and\`, \`or\` or the end of the condition`, tok);
  }

  private guardDepth(depth: number, tok: Token): void {
    if (depth > MAX_CONDITION_DEPTH) {
      throw new SyntaxFailure({
        message: `condition nests deeper than ${MAX_CONDITION_DEPTH} levels; split it into named searches`,
        start: tok.start,
        end: tok.end,
        tooDeep: true,
      });
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private peekWord(): string | undefined {
    return this.peek()?.text.toLowerCase();
  }

  private next(expected: string): Token {
    const tok = this.tokens[this.pos++];
    if (!tok)
      this.fail(`the condition ends early: expected ${expected}`, { text: '', start: this.length, end: this.length });
    return tok;
  }

  private fail(message: string, tok: Token): never {
    throw new SyntaxFailure({ message, start: tok.start, end: tok.end });
  }
}

/** Lists the search names a condition refers to (expanded against the defined names), for unused-search checks. */
export function referencedSearches(ast: ConditionNode, defined: readonly string[]): Set<string> {
  const used = new Set<string>();
  const visit = (n: ConditionNode): void => {
    if (n.kind === 'ref') used.add(n.name);
    else if (n.kind === 'quantifier') for (const name of matchSearchPattern(n.target, defined)) used.add(name);
    else if (n.kind === 'not') visit(n.operand);
    else n.operands.forEach(visit);
  };
  visit(ast);
  return used;
}

/** The defined search names a quantifier target covers (`them` = all). */
export function matchSearchPattern(target: string, defined: readonly string[]): string[] {
  if (target === 'them') return defined.filter((n) => !n.startsWith('_'));
  // A target is one condition token, so it never holds a line break; a name with one never matches.
  return defined.filter((n) => !LINE_BREAK.test(n) && globMatches(target, n));
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * True when `name` matches `glob` as a whole, where `*` stands for any run of characters and `?` for one.
 * Greedy with backtracking to the last `*` only, which is enough for these two wildcards: linear in practice
 * and never worse than the product of the lengths.
 */
export function globMatches(glob: string, name: string): boolean {
  let g = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (glob[g] === '*') {
      star = g++;
      resume = n;
    } else if (g < glob.length && (glob[g] === '?' || glob[g] === name[n])) {
      g++;
      n++;
    } else if (star !== -1) {
      g = star + 1;
      n = ++resume;
    } else return false;
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}
