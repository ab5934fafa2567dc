/**
 * The fast path for reading rule files: js-yaml (several times quicker than the complete parser on the rule
 * corpus) with positions taken from its parse events. It accepts the plain YAML rules are written in —
 * block and flow collections, plain, quoted and block scalars, several documents — and declines anything
 * else by returning undefined: syntax errors (so the complete parser reports them at their position),
 * anchors, aliases, tags, directives, non-string keys, a byte-order mark. Scalars resolve with the YAML 1.2
 * core schema, exactly as the `yaml` library does. Consumes text; produces the tree of yaml-tree.ts.
 */
import { FAILSAFE_SCHEMA, loadAll, type State, Type } from 'js-yaml';
import type { ParsedDocument, Range, YamlNode, YamlPair, YamlScalar } from './yaml-tree.js';

/**
 * A YAML 1.2 core-schema scalar type: the `yaml` library's forms and conversions, tried in order. (js-yaml
 * keeps one type per tag, so each tag gets all of its forms at once.) `starts` holds the characters its
 * forms can start with: js-yaml asks every type about every plain scalar, keys included, and most of a
 * rule's scalars (keys, words, paths) fail that test without running a regex.
 */
function coreType(tag: string, starts: string, forms: readonly [RegExp, (s: string) => unknown][]): Type {
  const formOf = (s: string) =>
    s.length === 0 || starts.includes(s[0]) ? forms.find(([test]) => test.test(s)) : undefined;
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string) => formOf(s) !== undefined,
    construct: (s: string) => formOf(s)?.[1](s),
  });
}

const DIGITS = '0123456789';

const CORE_TYPES = [
  coreType('null', '~nN', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
  coreType('bool', 'tTfF', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
  coreType('int', `${DIGITS}-+`, [
    [/^0o[0-7]+$/, (s) => Number.parseInt(s.slice(2), 8)],
    [/^[-+]?[0-9]+$/, (s) => Number.parseInt(s, 10)],
    [/^0x[0-9a-fA-F]+$/, (s) => Number.parseInt(s.slice(2), 16)],
  ]),
  coreType('float', `${DIGITS}-+.`, [
    [
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      (s) => (s.slice(-3).toLowerCase() === 'nan' ? Number.NaN : s[0] === '-' ? -Infinity : Infinity),
    ],
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, Number.parseFloat],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, Number.parseFloat],
  ]),
];

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: CORE_TYPES });

/** True when a plain scalar with this text reads as null, a boolean or a number (so writing it needs quotes). */
export function isCoreNonString(text: string): boolean {
  return CORE_TYPES.some((t) => t.resolve(text));
}

/**
 * Texts the fast path leaves to `yaml`: directives, `---`/`...` run into other text, explicit keys
 * (`? key`) and a carriage return without a line feed, where the two parsers read differently. Rare in
 * rules, so declining them costs nothing.
 */
const DECLINED: readonly [string, RegExp][] = [
  ['%', /^%/m],
  ['---', /^---[^\s]/m],
  ['...', /^\.\.\.[^\s]/m],
  ['\r', /\r(?!\n)/],
];

/** True when the text holds something of `DECLINED` (a substring test first: the regexes are slower). */
function declined(text: string): boolean {
  return DECLINED.some(([marker, test]) => text.includes(marker) && test.test(text)) || hasExplicitKey(text);
}

/**
 * True for a `?` standing alone between blanks (or after `[`, `{` or `,`): an explicit key. Rules hold
 * many `?` inside values (wildcards, URLs, regexes), so this looks only at the characters around each
 * one instead of running a regex over the whole text.
 */
function hasExplicitKey(text: string): boolean {
  for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) {
    const before = i === 0 || /[\s[{,]/.test(text[i - 1]);
    const after = i + 1 === text.length || /\s/.test(text[i + 1]);
    if (before && after && !afterCommentStart(text, i)) return true;
  }
  return false;
}

/** True for a tab that is not in a comment (the parsers differ on tabs as indentation and separation). */
function hasTabOutsideComments(text: string): boolean {
  for (let i = text.indexOf('\t'); i !== -1; i = text.indexOf('\t', i + 1))
    if (!afterCommentStart(text, i)) return true;
  return false;
}

/**
 * True when a `#` that starts a comment (at the line start or after a blank) comes before offset `i` on
 * its line, with no quote before it: what follows is a comment, or the content of a block scalar, and
 * neither parser reads an indicator or indentation there. A quote before the `#` might open a string
 * holding it, so that case answers false and the file goes to the complete parser.
 */
function afterCommentStart(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  for (let j = lineStart; j < i; j++) {
    const c = text[j];
    if (c === "'" || c === '"') return false;
    if (c === '#' && (j === lineStart || text[j - 1] === ' ' || text[j - 1] === '\t')) return true;
  }
  return false;
}

/** Thrown from the event listener to give the file to the complete parser. */
class Declined extends Error {}

/** A node being read: where its event opened and the nodes read inside it. */
interface Frame {
  readonly open: number;
  /** `NO_CHILDREN` until the first child (most nodes are scalars, which have none). */
  children: YamlNode[];
  /** The JS value of the only child, to recognise a collection reported twice. */
  onlyResult?: unknown;
}

/** The children of a node without any, shared (never written to). */
const NO_CHILDREN: YamlNode[] = [];

/** Parses a file's documents, or returns undefined when the complete parser must read it. */
export function parseFast(text: string): ParsedDocument[] | undefined {
  if (text.charCodeAt(0) === 0xfeff || hasTabOutsideComments(text) || declined(text)) return undefined;
  const stack: Frame[] = [];
  const roots: YamlNode[] = [];
  const values: unknown[] = [];
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      stack.push({ open: state.position, children: NO_CHILDREN });
      return;
    }
    const frame = stack.pop() as Frame;
    const node = nodeOf(text, frame, state);
    if (stack.length > 0) {
      const parent = stack[stack.length - 1];
      if (parent.children === NO_CHILDREN) parent.children = [node];
      else parent.children.push(node);
      parent.onlyResult = parent.children.length === 1 ? state.result : undefined;
    } else if (state.kind === null)
      throw new Declined(); // an empty document: `yaml` decides what it holds
    else roots.push(node);
  };
  try {
    loadAll(text, (doc) => values.push(doc), { schema: CORE_SCHEMA, listener });
  } catch {
    return undefined;
  }
  if (roots.length !== values.length) return undefined;
  return roots.map((root, index) => ({ index, root, value: values[index] }));
}

/** The node a closing event completes; an empty node (no value after `key:`) is a null scalar. */
function nodeOf(text: string, frame: Frame, state: State): YamlNode {
  const start = skipSeparation(text, frame.open);
  const first = text[start];
  if (first === '&' || first === '*' || first === '!') throw new Declined();
  const { kind, result } = state;
  // A collection read as a possible mapping key comes wrapped in a second event with the same value.
  if (typeof result === 'object' && result !== null && frame.children.length === 1 && frame.onlyResult === result)
    return frame.children[0];
  if (kind === 'mapping') return mapOf(text, frame, start, state.position, result);
  if (kind === 'sequence') {
    const items = frame.children;
    // js-yaml adds an empty list item without an event, so its position is unknown.
    if (items.length !== (result as unknown[]).length) throw new Declined();
    return { kind: 'seq', items, range: collectionRange(text, start, state.position, items.at(-1)) };
  }
  if (kind !== 'scalar') {
    if (frame.children.length > 0) throw new Declined();
    const at = skipSpaces(text, frame.open);
    return { kind: 'scalar', value: null, quoted: false, range: [at, at] };
  }
  // A scalar first read as a possible mapping key comes wrapped in a second event, which resolves it.
  const inner = frame.children[0];
  if (frame.children.length > 1 || (inner && inner.kind !== 'scalar')) throw new Declined();
  const innerEnd = inner && !isEmpty(inner) ? inner.range[1] : state.position;
  return scalarOf(text, start, innerEnd, state.position, result);
}

function mapOf(text: string, frame: Frame, start: number, end: number, result: object): YamlNode {
  const { children } = frame;
  // Before a `---`, js-yaml tries one more key and leaves an empty node behind.
  if (children.length % 2 !== 0 && isEmpty(children[children.length - 1])) children.pop();
  if (children.length % 2 !== 0) throw new Declined();
  const pairs: YamlPair[] = [];
  for (let i = 0; i < children.length; i += 2) {
    const key = children[i];
    if (key.kind !== 'scalar' || typeof key.value !== 'string') throw new Declined();
    pairs.push({ key, value: children[i + 1] });
  }
  if (keyCount(result) !== pairs.length) throw new Declined();
  return { kind: 'map', pairs, range: collectionRange(text, start, end, pairs.at(-1)?.value) };
}

/** The number of own keys of a mapping's value (without building the list of them). */
function keyCount(value: object): number {
  let n = 0;
  for (const key in value) if (Object.hasOwn(value, key)) n++;
  return n;
}

/** A scalar; `end` is where the innermost event for it closed, `outerEnd` where the last one did. */
function scalarOf(text: string, start: number, end: number, outerEnd: number, result: unknown): YamlScalar {
  if (result !== null && typeof result !== 'string' && typeof result !== 'number' && typeof result !== 'boolean')
    throw new Declined();
  const first = text[start];
  const quoted = first === "'" || first === '"';
  const block = first === '|' || first === '>';
  // Parsers differ on line folding inside quotes (escaped line breaks, blank lines): leave it to `yaml`.
  if (quoted && !isPlainQuote(text, start, end)) throw new Declined();
  // An explicit indentation indicator (`|2`) or a block of blank lines is read differently by the parsers.
  if (block && (result === '' || /^[|>][+-]?[0-9]/.test(text.slice(start, start + 3)))) throw new Declined();
  const stop = block ? blockEnd(text, outerEnd) : quoted ? end : trimEnd(text, start, end);
  return { kind: 'scalar', value: result, quoted, range: [start, stop] };
}

function isEmpty(node: YamlNode): boolean {
  return node.kind === 'scalar' && node.value === null && node.range[0] === node.range[1];
}

/** A one-line quoted scalar followed by a separator. */
function isPlainQuote(text: string, start: number, end: number): boolean {
  const nl = text.indexOf('\n', start);
  return (nl === -1 || nl >= end) && separatedAt(text, end);
}

/** True when a quoted scalar or flow collection ending here is followed by a separator (`yaml` rejects `'a'#`). */
function separatedAt(text: string, end: number): boolean {
  return end >= text.length || /[\s:,\]}]/.test(text[end]);
}

/** A flow collection ends after its bracket; a block one where its last value ends. */
function collectionRange(text: string, start: number, end: number, last: YamlNode | undefined): Range {
  const flow = text[start] === '[' || text[start] === '{';
  // Comments and line breaks inside brackets are where the parsers part ways; `yaml` reads those.
  if (flow && (!separatedAt(text, end) || /[#\n]/.test(text.slice(start, end)))) throw new Declined();
  return [start, flow || !last ? end : last.range[1]];
}

/** A plain scalar ends at its last non-blank character (js-yaml may stop after the spaces before a comment). */
function trimEnd(text: string, start: number, end: number): number {
  let i = Math.max(start, Math.min(end, text.length)); // js-yaml may report a position past the end
  while (i > start && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Space, tab, CR or LF. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** A block scalar's content ends with the line break of its last line that is not blank. */
function blockEnd(text: string, end: number): number {
  let i = Math.min(end, text.length);
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  const lineEnd = text.indexOf('\n', i);
  return lineEnd === -1 ? text.length : lineEnd + 1;
}

/** Skips spaces on the current line. */
function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ') i++;
  return i;
}

/** Skips white space, line breaks and comments to where a node's content starts. */
function skipSeparation(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
    } else return i;
  }
}
