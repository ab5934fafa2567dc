/**
 * The registry of Sigma value modifiers (spec v2.1) and the rules for chaining them. Consumes the modifier
 * names of one field key; produces a validated `ModifierChain` or messages saying what to change.
 */

/** What a modifier does to the values it is applied to. */
export type ModifierRole = 'encoding' | 'position' | 'type' | 'flag' | 'regex-flag' | 'datepart';

/** Every modifier of Sigma v2.1 with its role. Adding a modifier starts here. */
export const MODIFIERS = {
  contains: 'position',
  startswith: 'position',
  endswith: 'position',
  all: 'flag',
  cased: 'flag',
  neq: 'flag',
  exists: 'type',
  re: 'type',
  i: 'regex-flag',
  m: 'regex-flag',
  s: 'regex-flag',
  cidr: 'type',
  base64: 'encoding',
  base64offset: 'encoding',
  utf16le: 'encoding',
  utf16be: 'encoding',
  utf16: 'encoding',
  wide: 'encoding',
  windash: 'encoding',
  expand: 'flag',
  fieldref: 'type',
  gt: 'type',
  gte: 'type',
  lt: 'type',
  lte: 'type',
  minute: 'datepart',
  hour: 'datepart',
  day: 'datepart',
  week: 'datepart',
  month: 'datepart',
  year: 'datepart',
} as const satisfies Record<string, ModifierRole>;

/** A modifier name known to Sigma. */
export type ModifierName = keyof typeof MODIFIERS;

/** A field key's modifiers, validated and sorted by role. */
export interface ModifierChain {
  /** Encodings in the order written (windash, utf16*, base64, base64offset). */
  readonly encodings: readonly ModifierName[];
  readonly position?: 'contains' | 'startswith' | 'endswith';
  /** The value type: plain match unless a type modifier is given. */
  readonly type?: 're' | 'cidr' | 'exists' | 'fieldref' | 'gt' | 'gte' | 'lt' | 'lte';
  readonly datepart?: 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
  readonly regexFlags: readonly ('i' | 'm' | 's')[];
  readonly all: boolean;
  readonly cased: boolean;
  readonly neq: boolean;
  readonly expand: boolean;
}

/** A problem with a modifier chain. `unknown` names the modifier that is not Sigma. */
export interface ModifierProblem {
  readonly kind: 'unknown' | 'combination';
  readonly message: string;
}

const UTF16 = new Set(['utf16le', 'utf16be', 'utf16', 'wide']);

/** What `parseModifiers` makes of a chain: the chain when valid, else the problems. Frozen. */
export interface ParsedModifiers {
  readonly chain?: ModifierChain;
  readonly problems: readonly ModifierProblem[];
}

/**
 * Results by chain text. A memo of a pure function (never stale): a rule set writes the same few dozen
 * chains (`contains`, `endswith`, `contains|all`...) tens of thousands of times.
 */
const PARSED = new Map<string, ParsedModifiers>();

/** Validates a chain of modifier names and sorts them by role. */
export function parseModifiers(names: readonly string[]): ParsedModifiers {
  const key = JSON.stringify(names);
  let parsed = PARSED.get(key);
  if (!parsed) {
    const { chain, problems } = readChain(names);
    parsed = Object.freeze({ ...(chain ? { chain: Object.freeze(chain) } : {}), problems: Object.freeze(problems) });
    PARSED.set(key, parsed);
  }
  return parsed;
}

function readChain(names: readonly string[]): { chain?: ModifierChain; problems: ModifierProblem[] } {
  const problems: ModifierProblem[] = [];
  for (const name of names) {
    if (!(name in MODIFIERS)) {
      const hint = suggestModifier(name);
      problems.push({
        kind: 'unknown',
        message: `unknown modifier '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}`,
      });
    }
  }
  if (problems.length > 0) return { problems };
  const known = names as readonly ModifierName[];
  const byRole = (role: ModifierRole) => known.filter((n) => MODIFIERS[n] === role);
  const positions = byRole('position') as ('contains' | 'startswith' | 'endswith')[];
  const types = byRole('type') as NonNullable<ModifierChain['type']>[];
  const dateparts = byRole('datepart') as NonNullable<ModifierChain['datepart']>[];
  const chain: ModifierChain = {
    encodings: byRole('encoding'),
    position: positions[0],
    type: types[0],
    datepart: dateparts[0],
    regexFlags: byRole('regex-flag') as ('i' | 'm' | 's')[],
    all: known.includes('all'),
    cased: known.includes('cased'),
    neq: known.includes('neq'),
    expand: known.includes('expand'),
  };
  const say = (message: string) => problems.push({ kind: 'combination', message });
  if (positions.length > 1)
    say(`only one of contains, startswith and endswith can be used, not ${positions.join(' and ')}`);
  if (dateparts.length > 1) say(`only one date part can be used, not ${dateparts.join(' and ')}`);
  checkTypes(types, chain, say);
  checkEncodings(known, chain, say);
  if (chain.regexFlags.length > 0 && chain.type !== 're')
    say(`'${chain.regexFlags[0]}' is a sub-modifier of 're': write 're|${chain.regexFlags[0]}'`);
  if (new Set(known).size !== known.length) say(`a modifier is repeated in '${names.join('|')}'`);
  return problems.length > 0 ? { problems } : { chain, problems };
}

function checkTypes(types: readonly string[], chain: ModifierChain, say: (m: string) => void): void {
  const compare = types.filter((t) => t === 'gt' || t === 'gte' || t === 'lt' || t === 'lte');
  const others = types.filter((t) => !(compare as readonly string[]).includes(t));
  if (others.length > 1 || compare.length > 1 || (others.length === 1 && compare.length === 1)) {
    say(`'${types.join("' and '")}' cannot be combined: each decides how the value is compared`);
    return;
  }
  const t = chain.type;
  if (chain.datepart && t && compare.length === 0)
    say(`date part '${chain.datepart}' can only be combined with gt, gte, lt or lte`);
  if ((t === 're' || t === 'cidr' || t === 'exists') && (chain.position || chain.encodings.length > 0)) {
    say(`'${t}' takes its value as written: remove ${[chain.position, ...chain.encodings].filter(Boolean).join(', ')}`);
  }
  if (compare.length === 1 && (chain.position || chain.encodings.length > 0)) {
    say(`'${t}' compares numbers: remove ${[chain.position, ...chain.encodings].filter(Boolean).join(', ')}`);
  }
  if (t === 'fieldref' && chain.encodings.length > 0)
    say(`'fieldref' names another field: remove ${chain.encodings.join(', ')}`);
  if (chain.cased && (t === 'cidr' || t === 'exists' || compare.length > 0))
    say(`'cased' only applies to string matches, not '${t}'`);
  if (chain.all && t === 'exists') say(`'all' makes no sense with 'exists'`);
}

function checkEncodings(known: readonly ModifierName[], chain: ModifierChain, say: (m: string) => void): void {
  known.forEach((name, i) => {
    const next = known[i + 1];
    if (UTF16.has(name) && next !== 'base64' && next !== 'base64offset') {
      say(`'${name}' must be followed by 'base64' or 'base64offset' (it produces bytes, not text)`);
    }
    if (name === 'base64offset' && chain.position !== 'contains') {
      say(`'base64offset' only makes sense with 'contains': write 'base64offset|contains'`);
    }
    if ((name === 'base64' || name === 'base64offset') && known.slice(i + 1).some((n) => MODIFIERS[n] === 'encoding')) {
      say(`'${name}' must be the last encoding in the chain`);
    }
  });
  if (chain.datepart && chain.encodings.length > 0) say(`date parts cannot be combined with encodings`);
}

/** The known modifier closest to a misspelt one (edit distance <= 2), for "did you mean". */
export function suggestModifier(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of Object.keys(MODIFIERS)) {
    const d = editDistance(name.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
