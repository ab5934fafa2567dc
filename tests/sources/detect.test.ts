import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SkippedRecord } from '../../src/sources/event.js';
import { detectFormat, expandInputs, isSourceFormat, SOURCE_FORMATS } from '../../src/sources/index.js';
import { collect, fixture } from './collect.js';

const tmp = mkdtempSync(join(tmpdir(), 'tripline-detect-'));
function write(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}
const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('detectFormat', () => {
  it.each([
    ['ElfFile\0rest', 'evtx'],
    ['<?xml version="1.0"?><Events>', 'xml'],
    ['  <Event xmlns="x">', 'xml'],
    ['[{"a":1}]', 'json'],
    ['{"a":1}\n{"a":2}\n', 'jsonl'],
    ['{\n  "a": 1\n}\n', 'json'],
    ['type=SYSCALL msg=audit(1700000000.123:45): arch=c000003e', 'auditd'],
    ['node=web01 type=EXECVE msg=audit(1700000000.123:45): argc=1', 'auditd'],
    ['Timestamp,DeviceName,ActionType\n1,2,3\n', 'csv'],
    ['"Timestamp","Device Name"\n', 'csv'],
  ])('%j -> %s', (text, format) => {
    expect(detectFormat('x.log', bytes(text)).format).toBe(format);
  });

  it('detects UTF-16 XML and explains UTF-16 elsewhere, empty and unknown content', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<Events>', 'utf16le')]);
    expect(detectFormat('a.xml', utf16)).toEqual({ format: 'xml', encoding: 'utf-16le' });
    const json16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]);
    expect(detectFormat('a.json', json16).format).toBe('unknown');
    expect(detectFormat('a', Buffer.alloc(0))).toEqual({ format: 'empty' });
    expect(detectFormat('a', bytes(' \n\t'))).toEqual({ format: 'empty' });
    expect(detectFormat('a.txt', bytes('hello world'))).toMatchObject({
      format: 'unknown',
      reason: expect.stringContaining('--source'),
    });
    expect(detectFormat('damaged.evtx', bytes('garbage'))).toMatchObject({ format: 'evtx' });
  });

  it('names every --source format', () => {
    expect(SOURCE_FORMATS).toEqual([
      'evtx',
      'xml',
      'jsonl',
      'json',
      'csv',
      'auditd',
      'ecs',
      'mde',
      'sysmon-json',
      'evtx-json',
    ]);
    expect(isSourceFormat('mde')).toBe(true);
    expect(isSourceFormat('splunk')).toBe(false);
  });
});

describe('readEvents on bad files', () => {
  it('reports empty and unknown files as skips', async () => {
    const empty = write('empty.log', '');
    const unknown = write('notes.txt', 'just some prose\n');
    expect((await collect(empty)).skips).toEqual([{ file: empty, reason: 'empty file' }]);
    const u = await collect(unknown);
    expect(u.events).toEqual([]);
    expect(u.skips).toEqual([{ file: unknown, reason: expect.stringMatching(/^unrecognised content/) }]);
    expect((await collect(join(tmp, 'nope.json'))).skips[0].reason).toMatch(/^cannot read/);
  });

  it('reads with a forced file format', async () => {
    // As a JSON document the garbage line is stray text between values: reported once, reading goes on.
    const { events, skips } = await collect(fixture('evtx-dump.jsonl'), { format: 'json' });
    expect(events.map((e) => e.fields.EventID)).toEqual([1, 4688, 4104, 11]);
    expect(skips.map((s) => s.line)).toEqual([3, 7]);
  });

  it('reports a truncated EVTX file through the EVTX reader without throwing', async () => {
    const path = write('cut.evtx', Buffer.concat([Buffer.from('ElfFile\0'), Buffer.alloc(100)]));
    const { events, skips } = await collect(path);
    expect(events).toEqual([]);
    expect(skips.length).toBeGreaterThan(0);
    expect(skips.every((s) => s.file === path)).toBe(true);
  });
});

describe('expandInputs', () => {
  it('walks folders recursively in sorted order and reports unreadable paths', async () => {
    const root = join(tmp, 'tree');
    mkdirSync(join(root, 'b', 'inner'), { recursive: true });
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'z.log'), '');
    writeFileSync(join(root, 'b', 'inner', '2.json'), '');
    writeFileSync(join(root, 'b', '1.json'), '');
    writeFileSync(join(root, 'a', 'x.xml'), '');
    const skips: SkippedRecord[] = [];
    const files = await expandInputs([root, join(tmp, 'missing'), join(root, 'z.log')], (s) => skips.push(s));
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['a/x.xml', 'b/1.json', 'b/inner/2.json', 'z.log']);
    expect(skips).toEqual([{ file: join(tmp, 'missing'), reason: expect.stringMatching(/^cannot read/) }]);
  });

  it('reports a folder it may not list', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const locked = join(tmp, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0);
    const skips: SkippedRecord[] = [];
    expect(await expandInputs([locked], (s) => skips.push(s))).toEqual([]);
    expect(skips[0].reason).toMatch(/cannot read folder/);
    chmodSync(locked, 0o755);
  });
});
