/**
 * Value checks shared by the IR builder and the engine: regular expressions (must compile, and should
 * compile in a linear-time engine) and CIDR networks.
 */
import { RE2JS } from 're2js';
import { isPortableRegex } from './regex-subset.js';
import type { RegexFlags } from './types.js';

/** A problem with a regex; `fatal` when no engine can compile it at all. */
export interface RegexProblem {
  readonly message: string;
  readonly fatal: boolean;
}

/** Checks a Sigma regex: it must compile as JavaScript, and should compile in RE2 (no lookaround, no backrefs). */
export function checkRegex(source: string, flags: RegexFlags): RegexProblem | undefined {
  const jsError = jsCompileError(source, flags);
  if (jsError === undefined ? isPortableRegex(source) : hasPortableBody(source, flags)) return undefined;
  const re2Error = re2CompileError(source, flags);
  if (re2Error === undefined) return undefined;
  if (jsError !== undefined) return { fatal: true, message: `regular expression does not compile: ${jsError}` };
  return {
    fatal: false,
    message: `regular expression needs a backtracking engine (${re2Error}); linear-time engines (RE2, KQL, the hunt engine) reject it`,
  };
}

/** RE2's inline flags at the start of a pattern (`(?i)`), which JavaScript does not read. */
const INLINE_FLAGS = /^\(\?[imsU]+\)/;

/** True for inline flags followed by a pattern both engines accept: RE2 compiles the whole. */
function hasPortableBody(source: string, flags: RegexFlags): boolean {
  const prefix = INLINE_FLAGS.exec(source);
  if (!prefix) return false;
  const body = source.slice(prefix[0].length);
  return jsCompileError(body, flags) === undefined && isPortableRegex(body);
}

function jsCompileError(source: string, flags: RegexFlags): string | undefined {
  try {
    new RegExp(source, jsFlags(flags));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function re2CompileError(source: string, flags: RegexFlags): string | undefined {
  try {
    compileRe2(source, flags);
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^error parsing regexp: /, '');
  }
}

/** JS RegExp flags for Sigma's i/m/s sub-modifiers. */
export function jsFlags(flags: RegexFlags): string {
  return `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}`;
}

/** Compiles a regex in RE2 (linear time); throws when RE2 cannot express it. */
export function compileRe2(source: string, flags: RegexFlags): RE2JS {
  const f =
    (flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) |
    (flags.multiline ? RE2JS.MULTILINE : 0) |
    (flags.dotAll ? RE2JS.DOTALL : 0);
  return RE2JS.compile(source, f);
}

/** Returns a message when the text is not an IPv4 or IPv6 CIDR network. */
export function checkCidr(text: string): string | undefined {
  const [addr, bits, extra] = text.trim().split('/');
  if (extra !== undefined || addr === undefined) return `'${text}' is not a CIDR network like 10.0.0.0/8`;
  const prefix = bits === undefined ? undefined : Number(bits);
  if (addr.includes(':')) {
    if (!parseIpv6(addr)) return `'${addr}' is not an IPv6 address`;
    if (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= 128))
      return `prefix /${bits} must be 0-128 for IPv6`;
    return undefined;
  }
  if (parseIpv4(addr) === undefined) return `'${addr}' is not an IPv4 address`;
  if (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= 32))
    return `prefix /${bits} must be 0-32 for IPv4`;
  return undefined;
}

/** Parses dotted-quad IPv4 into an unsigned 32-bit number. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

/** Parses an IPv6 address (with `::` and an optional dotted IPv4 tail) into 8 16-bit groups. */
export function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const items = s.split(':');
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (i === items.length - 1 && it.includes('.')) {
        const v4 = parseIpv4(it);
        if (v4 === undefined) return undefined;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(it)) out.push(Number.parseInt(it, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const fill = 8 - head.length - tail.length;
  return fill >= 1 ? [...head, ...new Array(fill).fill(0), ...tail] : undefined;
}
