import { describe, expect, it } from 'vitest';
import { eventCategories } from '../../src/sources/index.js';
import { isSkip } from '../../src/sources/values.js';
import { mapEvtxJson } from '../../src/sources/windows.js';
import { channelService, windowsCategory } from '../../src/sources/windows-tables.js';
import { collect, fixture } from './collect.js';

describe('Windows XML export (sysmon-export.xml)', async () => {
  const file = fixture('sysmon-export.xml');
  const { events, skips } = await collect(file);
  const byRecord = (r: number) => events.find((e) => e.origin.record === r)!;

  it('reads every well-formed event and skips the malformed one with its line', () => {
    expect(events.map((e) => e.origin.record)).toEqual([101, 102, 103, 9001, 9002, 77, 104]);
    expect(skips).toEqual([{ file, line: 9, reason: expect.stringMatching(/^malformed XML event/) }]);
  });

  it('maps Sysmon 1 System and EventData fields', () => {
    const e = byRecord(101);
    expect(e.logsource).toEqual({ product: 'windows', service: 'sysmon', category: 'process_creation' });
    expect(e.host).toBe('WS01.corp.local');
    expect(e.timestamp).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 123));
    expect(e.origin).toEqual({ file, line: 3, record: 101 });
    expect(e.fields).toMatchObject({
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Provider_Name: 'Microsoft-Windows-Sysmon',
      Provider_Guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
      Computer: 'WS01.corp.local',
      Level: 4,
      Task: 1,
      Opcode: 0,
      Version: 5,
      Keywords: '0x8000000000000000',
      EventRecordID: 101,
      Execution_ProcessID: 2840,
      Execution_ThreadID: 3972,
      Security_UserID: 'S-1-5-18',
      Image: 'C:\\Program Files\\Notepad++\\updater\\GUP.exe',
      CommandLine: '"C:\\Program Files\\Notepad++\\updater\\GUP.exe" -v8.6 & whoami',
      ParentImage: 'C:\\Program Files\\Notepad++\\notepad++.exe',
      User: 'CORP\\alice',
      ProcessId: '4242',
      Description: '',
    });
    expect(e.fields).not.toHaveProperty('Correlation');
  });

  it('routes registry events by EventID and EventType, with registry_event as umbrella', () => {
    expect(byRecord(102).logsource.category).toBe('registry_set');
    expect(byRecord(103).logsource.category).toBe('registry_delete');
    expect(eventCategories('registry_set')).toEqual(['registry_set', 'registry_event']);
    expect(byRecord(104).logsource.category).toBe('dns_query');
  });

  it('adds Sysmon names to Security 4688', () => {
    const e = byRecord(9001);
    expect(e.logsource).toEqual({ product: 'windows', service: 'security', category: 'process_creation' });
    expect(e.fields).toMatchObject({
      Image: 'C:\\Windows\\System32\\cmd.exe',
      ParentImage: 'C:\\Program Files\\Notepad++\\updater\\GUP.exe',
      CommandLine: 'cmd.exe /c whoami',
      User: 'CORP\\alice',
      LogonId: '0x3e7',
      IntegrityLevel: 'S-1-16-12288',
      ProcessId: 0x1a2c,
      ParentProcessId: 0x10a8,
      NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
    });
  });

  it('flattens UserData leaves and keeps unnamed classic PowerShell Data as a list', () => {
    expect(byRecord(9002).fields).toMatchObject({ EventID: 1102, SubjectUserName: 'alice', SubjectLogonId: '0x1' });
    expect(byRecord(9002).logsource).toEqual({ product: 'windows', service: 'security' });
    const ps = byRecord(77);
    expect(ps.logsource).toEqual({ product: 'windows', service: 'powershell-classic', category: 'ps_classic_start' });
    expect(ps.fields.Data).toEqual([
      'Available',
      'None',
      'NewEngineState=Available HostApplication=powershell.exe -enc SQBFAFgA',
    ]);
    expect(ps.fields.EventID).toBe(400);
  });
});

describe('evtx_dump JSON lines (evtx-dump.jsonl)', async () => {
  const file = fixture('evtx-dump.jsonl');
  const { events, skips } = await collect(file);

  it('maps records and reports the malformed line and the record without EventID', () => {
    expect(events.map((e) => e.fields.EventID)).toEqual([1, 4688, 4104, 11]);
    expect(skips).toEqual([
      { file, line: 3, offset: expect.any(Number), reason: expect.stringMatching(/^malformed JSON/) },
      { file, line: 7, offset: expect.any(Number), reason: 'Windows event without System.EventID' },
    ]);
  });

  it('keeps typed values and maps null data to empty strings', () => {
    expect(events[0].fields).toMatchObject({ ProcessId: 7000, Description: '', OriginalFileName: 'msiexec.exe' });
    expect(events[0].origin).toMatchObject({ line: 1, offset: 0, record: 501 });
    expect(events[0].timestamp).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 123));
  });

  it('uses Target* for the 4688 user when the new process has its own token', () => {
    expect(events[1].fields).toMatchObject({
      EventID: 4688,
      User: 'CORP\\carol',
      ParentProcessId: 7000,
      ProcessId: 8192,
    });
  });

  it('routes PowerShell 4104 and Sysmon 11', () => {
    expect(events[2].logsource).toEqual({ product: 'windows', service: 'powershell', category: 'ps_script' });
    expect(events[2].fields.ScriptBlockText).toContain('DownloadString');
    expect(events[3].logsource.category).toBe('file_event');
  });
});

describe('Windows tables', () => {
  it.each([
    ['Security', 'security'],
    ['System', 'system'],
    ['Microsoft-Windows-Sysmon/Operational', 'sysmon'],
    ['Windows PowerShell', 'powershell-classic'],
    ['Microsoft-Windows-PowerShell/Operational', 'powershell'],
    ['PowerShellCore/Operational', 'powershell'],
    ['Microsoft-Windows-TaskScheduler/Operational', 'taskscheduler'],
    ['Microsoft-Windows-Windows Defender/Operational', 'windefend'],
    ['Microsoft-Windows-WMI-Activity/Operational', 'wmi'],
    ['Nope/Operational', undefined],
  ])('channel %s -> service %s', (channel, service) => {
    expect(channelService(channel)).toBe(service);
  });

  it.each([
    [1, 'process_creation'],
    [2, 'file_change'],
    [3, 'network_connection'],
    [5, 'process_termination'],
    [6, 'driver_load'],
    [7, 'image_load'],
    [8, 'create_remote_thread'],
    [9, 'raw_access_thread'],
    [10, 'process_access'],
    [11, 'file_event'],
    [12, 'registry_add'],
    [13, 'registry_set'],
    [14, 'registry_rename'],
    [15, 'create_stream_hash'],
    [17, 'pipe_created'],
    [18, 'pipe_created'],
    [19, 'wmi_event'],
    [22, 'dns_query'],
    [23, 'file_delete'],
    [24, 'clipboard_capture'],
    [25, 'process_tampering'],
    [26, 'file_delete_detected'],
  ])('Sysmon %i -> %s', (id, category) => {
    expect(windowsCategory('sysmon', id, undefined)).toBe(category);
  });

  it('maps a bare {System, EventData} object and rejects non-events', () => {
    const m = mapEvtxJson(
      { System: { EventID: '4624', Channel: 'Security' }, EventData: { TargetUserName: 'x' } },
      { file: 'f' },
    );
    expect(isSkip(m)).toBe(false);
    expect(m).toMatchObject({ fields: { EventID: 4624, TargetUserName: 'x' }, logsource: { service: 'security' } });
    expect(mapEvtxJson({ foo: 1 }, { file: 'f' })).toEqual({ skip: 'not a Windows event: no Event.System' });
  });

  it('reads named Data rows kept as an array of {#attributes: {Name}, #text}', () => {
    const ev = {
      Event: {
        System: { EventID: 7045, Channel: 'System' },
        EventData: { Data: [{ '#attributes': { Name: 'ServiceName' }, '#text': 'evil' }] },
      },
    };
    expect(mapEvtxJson(ev, { file: 'f' })).toMatchObject({
      fields: { ServiceName: 'evil' },
      logsource: { service: 'system' },
    });
  });
});
