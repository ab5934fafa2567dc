/**
 * Linux SimEvents -> raw audit.log lines (log_format=ENRICHED). One execve is SYSCALL + EXECVE + CWD + PATH x2 +
 * PROCTITLE + EOE sharing `msg=audit(<epoch>:<serial>)`; file creation is openat with PARENT/CREATE PATH records;
 * a connection is connect + SOCKADDR. Untrusted strings are hex-encoded exactly when the kernel does it
 * (a byte that is `"`, below 0x21 or above 0x7e); EXECVE arguments longer than 7500 bytes are split as aN[i].
 */
import { fnv1a, stableHex } from '../prng.js';
import type { FileEvent, NetworkEvent, ProcessEvent, SimEvent, SimProcess } from '../types.js';

/** The kernel's MAX_EXECVE_AUDIT_LEN. */
const MAX_ARG = 7500;
const GS = '\x1d';

/** Whether the kernel would hex-encode this string (audit_string_contains_control). */
export function needsHex(text: string): boolean {
  for (const b of Buffer.from(text, 'utf8')) if (b === 0x22 || b < 0x21 || b > 0x7e) return true;
  return false;
}

/** `"text"` or upper-case hex, as auditd logs untrusted strings. */
export function untrusted(text: string): string {
  return needsHex(text) ? Buffer.from(text, 'utf8').toString('hex').toUpperCase() : `"${text}"`;
}

function execveArgs(argv: readonly string[]): string {
  const parts = [`argc=${argv.length}`];
  argv.forEach((arg, i) => {
    if (Buffer.byteLength(arg) <= MAX_ARG) parts.push(`a${i}=${untrusted(arg)}`);
    else {
      const hex = Buffer.from(arg, 'utf8').toString('hex').toUpperCase();
      parts.push(`a${i}_len=${Buffer.byteLength(arg)}`);
      for (let c = 0; c * MAX_ARG * 2 < hex.length; c++)
        parts.push(`a${i}[${c}]=${hex.slice(c * MAX_ARG * 2, (c + 1) * MAX_ARG * 2)}`);
    }
  });
  return parts.join(' ');
}

function proctitle(argv: readonly string[]): string {
  const text = argv.join('\0').slice(0, 128);
  return argv.length > 1 ? Buffer.from(text, 'utf8').toString('hex').toUpperCase() : untrusted(text);
}

function ids(p: SimProcess): { fields: string; enriched: string } {
  const u = p.user.uid;
  const daemon = p.user.system;
  const auid = daemon ? 4294967295 : u;
  const tty = daemon ? '(none)' : 'pts0';
  const ses = daemon ? 4294967295 : 3;
  const name = daemon ? 'root' : p.user.name;
  const fields = `auid=${auid} uid=${u} gid=${u} euid=${u} suid=${u} fsuid=${u} egid=${u} sgid=${u} fsgid=${u} tty=${tty} ses=${ses}`;
  const who = `AUID="${daemon ? 'unset' : name}" UID="${name}" GID="${name}" EUID="${name}" SUID="${name}" FSUID="${name}" EGID="${name}" SGID="${name}" FSGID="${name}"`;
  return { fields, enriched: who };
}

/** The path given to execve: argv[0] when absolute, else argv[0] found in the image's folder (PATH lookup). */
function invokedPath(p: SimProcess): string {
  const arg0 = p.argv[0] ?? '';
  if (arg0.startsWith('/')) return arg0;
  if (arg0 === '' || arg0.includes('/')) return p.image;
  return `${p.image.slice(0, p.image.lastIndexOf('/'))}/${arg0}`;
}

function comm(p: SimProcess): string {
  const path = invokedPath(p);
  return path.slice(path.lastIndexOf('/') + 1).slice(0, 15);
}

function syscall(
  p: SimProcess,
  ppid: number,
  nr: number,
  name: string,
  result: string,
  items: number,
  key: string,
): string {
  const ptr = stableHex(`ptr:${p.guid}:${nr}`, 12);
  const { fields, enriched } = ids(p);
  return (
    `arch=c000003e syscall=${nr} ${result} items=${items} a0=${ptr} a1=${ptr.slice(0, 9)}c20 a2=${ptr.slice(0, 9)}e40 a3=8 ` +
    `ppid=${ppid} pid=${p.pid} ${fields} comm=${untrusted(comm(p))} exe=${untrusted(p.image)} subj=unconfined key="${key}"` +
    `${GS}ARCH=x86_64 SYSCALL=${name} ${enriched}`
  );
}

function pathRecord(item: number, name: string, nametype: string, inode: number): string {
  const mode = nametype === 'PARENT' ? '040755' : nametype === 'CREATE' ? '0100644' : '0100755';
  return `item=${item} name=${untrusted(name)} inode=${inode} dev=fd:01 mode=${mode} ouid=0 ogid=0 rdev=00:00 nametype=${nametype} cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0${GS}OUID="root" OGID="root"`;
}

const inode = (s: string) => 100_000 + (fnv1a(s) % 9_000_000);

function bodies(e: ProcessEvent | FileEvent | NetworkEvent, ppid: (p: SimProcess) => number): Array<[string, string]> {
  const p = e.proc;
  if (e.type === 'process') {
    const exe = invokedPath(p);
    return [
      ['SYSCALL', syscall(p, e.parent.pid, 59, 'execve', 'success=yes exit=0', 2, 'exec')],
      ['EXECVE', execveArgs(p.argv)],
      ['CWD', `cwd=${untrusted(p.cwd)}`],
      ['PATH', pathRecord(0, exe, 'NORMAL', inode(exe))],
      ['PATH', pathRecord(1, '/lib64/ld-linux-x86-64.so.2', 'NORMAL', inode('ld'))],
      ['PROCTITLE', `proctitle=${proctitle(p.argv)}`],
    ];
  }
  if (e.type === 'file') {
    const dir = e.path.slice(0, e.path.lastIndexOf('/')) || '/';
    return [
      ['SYSCALL', syscall(p, ppid(p), 257, 'openat', 'success=yes exit=3', 2, 'file_create')],
      ['CWD', `cwd=${untrusted(p.cwd)}`],
      ['PATH', pathRecord(0, dir, 'PARENT', inode(dir))],
      ['PATH', pathRecord(1, e.path, 'CREATE', inode(e.path))],
      ['PROCTITLE', `proctitle=${proctitle(p.argv)}`],
    ];
  }
  const port = e.dstPort.toString(16).padStart(4, '0').toUpperCase();
  const ip = e.dstIp
    .split('.')
    .map((o) => Number(o).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return [
    ['SYSCALL', syscall(p, ppid(p), 42, 'connect', 'success=no exit=-115', 0, 'network_connect')],
    [
      'SOCKADDR',
      `saddr=0200${port}${ip}0000000000000000${GS}SADDR={ saddr_fam=inet laddr=${e.dstIp} lport=${e.dstPort} }`,
    ],
    ['PROCTITLE', `proctitle=${proctitle(p.argv)}`],
  ];
}

/** Raw audit.log text for the Linux events of a stream; Windows events are counted in `omitted`. */
export function renderAuditd(events: readonly SimEvent[]): { text: string; omitted: number } {
  const linux = events.filter((e) => e.host.platform === 'linux');
  const multiHost = new Set(linux.map((e) => e.host.name)).size > 1;
  const serials = new Map<string, number>();
  const parents = new Map<string, number>();
  for (const e of linux) if (e.type === 'process') parents.set(e.proc.guid, e.parent.pid);
  const lines: string[] = [];
  for (const e of linux) {
    const serial = serials.get(e.host.name) ?? 20_000 + (fnv1a(e.host.name) % 50_000);
    serials.set(e.host.name, serial + 1);
    const stamp = `msg=audit(${Math.floor(e.time / 1000)}.${String(e.time % 1000).padStart(3, '0')}:${serial}):`;
    const node = multiHost ? `node=${e.host.name} ` : '';
    for (const [type, body] of bodies(e, (p) => parents.get(p.guid) ?? 1))
      lines.push(`${node}type=${type} ${stamp} ${body}\n`);
    lines.push(`${node}type=EOE ${stamp} \n`);
  }
  return { text: lines.join(''), omitted: events.length - linux.length };
}
