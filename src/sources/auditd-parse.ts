/**
 * One raw auditd line -> AuditRecord: `[node=H ]type=T msg=audit(EPOCH:SERIAL): k=v ...[\x1dENRICHED=...]`.
 * Untrusted strings auditd hex-encodes (unquoted hex in name, exe, comm, cwd, proctitle, key, EXECVE aN) are
 * decoded; split EXECVE arguments (aN_len, aN[0], aN[1], ...) are joined back into aN.
 */

/** One parsed auditd record; `fields` holds decoded values (enriched UPPER-case names included). */
export interface AuditRecord {
  readonly node?: string;
  readonly type: string;
  /** Event time in ms since the epoch. */
  readonly time: number;
  readonly serial: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** Fields whose unquoted value is hex-encoded text (libauparse's "escaped" fields). */
const ENCODED = new Set(['name', 'comm', 'exe', 'cwd', 'proctitle', 'key', 'path', 'data', 'ocomm', 'cmd', 'acct']);

const HEADER = /(?:^|\s)(?:node=(\S+)\s+)?type=([A-Za-z0-9_]+)\s+msg=audit\((\d+(?:\.\d+)?):(\d+)\):?\s*/;
const PAIR = /([A-Za-z0-9_[\]-]+)=("[^"]*"?|'[^']*'?|\S*)/g;

/** x86_64 and aarch64 syscall numbers Sigma auditd rules name, for logs without the enriched SYSCALL. */
const SYSCALLS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  c000003e: {
    59: 'execve',
    322: 'execveat',
    319: 'memfd_create',
    103: 'syslog',
    99: 'sysinfo',
    135: 'personality',
    133: 'mknod',
    259: 'mknodat',
    101: 'ptrace',
    175: 'init_module',
    313: 'finit_module',
    176: 'delete_module',
    42: 'connect',
    49: 'bind',
    2: 'open',
    257: 'openat',
    87: 'unlink',
    263: 'unlinkat',
    82: 'rename',
  },
  c00000b7: {
    221: 'execve',
    281: 'execveat',
    279: 'memfd_create',
    116: 'syslog',
    179: 'sysinfo',
    92: 'personality',
    33: 'mknodat',
    117: 'ptrace',
    105: 'init_module',
    273: 'finit_module',
    106: 'delete_module',
    203: 'connect',
    200: 'bind',
    56: 'openat',
    35: 'unlinkat',
  },
};

/** Decodes auditd hex text; NULs (argv separators in proctitle) become spaces. */
export function decodeHex(hex: string): string {
  return Buffer.from(hex, 'hex').toString('utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
}

/** True when an unquoted value is auditd hex encoding rather than plain text. */
function isHex(v: string): boolean {
  return v.length >= 2 && v.length % 2 === 0 && /^[0-9A-F]+$/.test(v);
}

/** Whether `key` of a `type` record holds escaped text. */
function encodedField(type: string, key: string): boolean {
  return ENCODED.has(key) || (type === 'EXECVE' && /^a\d+$/.test(key));
}

/** Splits `k=v` pairs; a single-quoted `msg='...'` body is expanded into its own pairs. */
function pairs(body: string, type: string, out: Record<string, string>, parts: Map<string, string[]>): void {
  for (const m of body.matchAll(PAIR)) {
    const [, key, raw] = m;
    if (raw.startsWith("'")) {
      pairs(raw.replace(/^'|'$/g, ''), type, out, parts);
      continue;
    }
    const quoted = raw.startsWith('"');
    const value = quoted ? raw.replace(/^"|"$/g, '') : raw;
    const split = /^(a\d+)\[(\d+)\]$/.exec(key);
    if (split && type === 'EXECVE') {
      const list = parts.get(split[1]) ?? [];
      list[Number(split[2])] = quoted ? Buffer.from(value, 'utf8').toString('hex').toUpperCase() : value;
      parts.set(split[1], list);
    } else out[key] = !quoted && encodedField(type, key) && isHex(value) ? decodeHex(value) : value;
  }
}

/** Parses one auditd line, or says why it is not one. */
export function parseAuditLine(line: string): AuditRecord | { readonly skip: string } {
  const head = HEADER.exec(line);
  if (head === null) return { skip: 'not an auditd record (no type=... msg=audit(...))' };
  const [whole, node, type, epoch, serial] = head;
  const fields: Record<string, string> = {};
  const parts = new Map<string, string[]>();
  const rest = line.slice(head.index + whole.length);
  const gs = rest.indexOf('\x1d');
  pairs(gs < 0 ? rest : rest.slice(0, gs), type, fields, parts);
  if (gs >= 0) pairs(rest.slice(gs + 1), type, fields, parts);
  for (const [arg, list] of parts) {
    fields[arg] = decodeHex(list.join(''));
  }
  if (type === 'SYSCALL' && fields.SYSCALL === undefined) {
    const name = SYSCALLS[fields.arch ?? '']?.[fields.syscall ?? ''];
    if (name !== undefined) fields.SYSCALL = name;
  }
  const time = Math.round(Number(epoch) * 1000);
  return node === undefined
    ? { type, time, serial: Number(serial), fields }
    : { node, type, time, serial: Number(serial), fields };
}
