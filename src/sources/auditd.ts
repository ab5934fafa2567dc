/**
 * Linux auditd logs -> LogEvents. Records sharing `msg=audit(EPOCH:SERIAL)` (per node) are grouped, possibly
 * interleaved with other events, and flushed on EOE, when the window passes, or when too many are open.
 * Each group yields the raw records (`product: linux, service: auditd`, what Sigma auditd rules match) and, for a
 * successful execve, one `category: process_creation` event with Sysmon-for-Linux names; ParentImage and
 * ParentCommandLine come from the parent pid's own exec seen earlier in the same stream (bounded LRU).
 */
import { type AuditRecord, parseAuditLine } from './auditd-parse.js';
import type { EventOrigin, FieldValue, LogEvent } from './event.js';
import { readLines } from './lines.js';
import type { ReadSink } from './sink.js';
import { makeEvent, toNumber } from './values.js';

/** Limits of the grouping state. */
export interface AuditLimits {
  /** Close a group once a record this many ms newer arrives (default 2000). */
  readonly windowMs: number;
  /** Most groups open at once; the oldest is flushed beyond (default 1000). */
  readonly maxOpen: number;
  /** Most records kept per group (default 512). */
  readonly maxRecords: number;
  /** Most pids remembered for Parent* fields (default 100 000). */
  readonly maxPids: number;
}

const DEFAULTS: AuditLimits = { windowMs: 2000, maxOpen: 1000, maxRecords: 512, maxPids: 100_000 };

interface Positioned {
  readonly record: AuditRecord;
  readonly origin: EventOrigin;
}

interface Group {
  readonly time: number;
  readonly records: Positioned[];
}

interface ProcessInfo {
  readonly image?: string;
  readonly commandLine?: string;
}

/** Groups records into events and keeps the pid -> exec map; one instance per input stream. */
export class AuditAssembler {
  private readonly groups = new Map<string, Group>();
  private readonly pids = new Map<string, ProcessInfo>();
  private readonly limits: AuditLimits;

  constructor(
    private readonly sink: ReadSink,
    limits: Partial<AuditLimits> = {},
  ) {
    this.limits = { ...DEFAULTS, ...limits };
  }

  /** Adds one record; returns the events of every group this closed. */
  push(record: AuditRecord, origin: EventOrigin): LogEvent[] {
    const id = `${record.node ?? ''}|${record.time}:${record.serial}`;
    const out: LogEvent[] = [];
    let group = this.groups.get(id);
    if (record.type === 'EOE') {
      if (group) out.push(...this.close(id, group));
      return out;
    }
    if (group === undefined) {
      group = { time: record.time, records: [] };
      this.groups.set(id, group);
    }
    if (group.records.length < this.limits.maxRecords) group.records.push({ record, origin });
    else this.sink.skip({ ...origin, reason: `audit event ${id} has over ${this.limits.maxRecords} records` });
    // Map order is arrival order: expire from the front while the oldest is too old or too many are open.
    for (const [oldId, old] of this.groups) {
      const expired = old.time < record.time - this.limits.windowMs || this.groups.size > this.limits.maxOpen;
      if (!expired || oldId === id) break;
      out.push(...this.close(oldId, old));
    }
    return out;
  }

  /** Closes every open group (end of input). */
  flush(): LogEvent[] {
    return [...this.groups].flatMap(([id, group]) => this.close(id, group));
  }

  private close(id: string, group: Group): LogEvent[] {
    this.groups.delete(id);
    const raw = group.records.map(({ record, origin }) => rawEvent(record, origin));
    const exec = this.processCreation(group);
    return exec === undefined ? raw : [...raw, exec];
  }

  /** The process_creation view of a successful execve group, remembering the new image for its children. */
  private processCreation(group: Group): LogEvent | undefined {
    const find = (type: string) => group.records.find((r) => r.record.type === type);
    const syscall = find('SYSCALL');
    const execve = find('EXECVE');
    if (syscall === undefined || execve === undefined || syscall.record.fields.success === 'no') return undefined;
    const sys = syscall.record.fields;
    const fields: Record<string, FieldValue> = {};
    const set = (k: string, v: FieldValue | undefined) => {
      if (v !== undefined && v !== '') fields[k] = v;
    };
    const image = sys.exe ?? find('PATH')?.record.fields.name;
    const commandLine = commandLineOf(execve.record) ?? find('PROCTITLE')?.record.fields.proctitle;
    const parent = sys.ppid === undefined ? undefined : this.parentOf(sys.ppid);
    set('Image', image);
    set('CommandLine', commandLine);
    set('CurrentDirectory', find('CWD')?.record.fields.cwd);
    set('ProcessId', toNumber(sys.pid));
    set('ParentProcessId', toNumber(sys.ppid));
    set('ParentImage', parent?.image);
    set('ParentCommandLine', parent?.commandLine);
    set('User', sys.UID ?? sys.uid);
    set('LogonId', toNumber(sys.auid) ?? sys.auid);
    for (const k of ['uid', 'auid', 'euid', 'gid', 'egid', 'ses', 'tty', 'comm', 'key', 'AUID', 'EUID', 'syscall']) {
      set(k, sys[k]);
    }
    if (sys.pid !== undefined) this.remember(sys.pid, { image, commandLine });
    const { record, origin } = syscall;
    return makeEvent(fields, { product: 'linux', category: 'process_creation' }, origin, record.time, record.node);
  }

  /** The parent's exec: remembered, or still open in a group that has not closed yet (interleaved output). */
  private parentOf(ppid: string): ProcessInfo | undefined {
    const known = this.pids.get(ppid);
    if (known !== undefined) return known;
    for (const group of this.groups.values()) {
      const sys = group.records.find((r) => r.record.type === 'SYSCALL' && r.record.fields.pid === ppid);
      const execve = group.records.find((r) => r.record.type === 'EXECVE');
      if (sys !== undefined && execve !== undefined) {
        return { image: sys.record.fields.exe, commandLine: commandLineOf(execve.record) };
      }
    }
    return undefined;
  }

  /** LRU insert: re-inserting moves a pid to the back; the front is the least recently exec'd. */
  private remember(pid: string, info: ProcessInfo): void {
    this.pids.delete(pid);
    this.pids.set(pid, info);
    if (this.pids.size > this.limits.maxPids) {
      const oldest = this.pids.keys().next();
      if (!oldest.done) this.pids.delete(oldest.value);
    }
  }
}

/** argv from EXECVE a0..a(argc-1), joined with spaces. */
function commandLineOf(execve: AuditRecord): string | undefined {
  const f = execve.fields;
  const argc = toNumber(f.argc) ?? Object.keys(f).filter((k) => /^a\d+$/.test(k)).length;
  const args: string[] = [];
  for (let i = 0; i < argc; i++) if (f[`a${i}`] !== undefined) args.push(f[`a${i}`]);
  return args.length > 0 ? args.join(' ') : undefined;
}

/** The raw-record view Sigma `service: auditd` rules are written against. */
function rawEvent(record: AuditRecord, origin: EventOrigin): LogEvent {
  const fields: Record<string, FieldValue> = { type: record.type, ...record.fields };
  if (record.node !== undefined) fields.node = record.node;
  return makeEvent(fields, { product: 'linux', service: 'auditd' }, origin, record.time, record.node);
}

/** Streams the events of an auditd log file. */
export async function* readAuditdEvents(
  path: string,
  sink: ReadSink,
  opts: { readonly maxLineBytes?: number; readonly limits?: Partial<AuditLimits> } = {},
): AsyncGenerator<LogEvent> {
  const assembler = new AuditAssembler(sink, opts.limits);
  for await (const { text, line, offset } of readLines(path, sink, opts)) {
    if (text.trim() === '') continue;
    const parsed = parseAuditLine(text);
    if ('skip' in parsed) sink.skip({ file: path, line, offset, reason: parsed.skip });
    else yield* assembler.push(parsed, { file: path, line, offset });
  }
  yield* assembler.flush();
}
