/**
 * SimEvents -> Windows event records (Sysmon EID 1/3/11, Security 4688) in a format-neutral shape that the
 * evtx-json, flat JSON, XML and EVTX writers render. Field order follows the Sysmon and Security manifests.
 */
import { SECURITY, SYSMON } from '../catalog.js';
import { fnv1a, stableHex } from '../prng.js';
import type { FileEvent, NetworkEvent, ProcessEvent, SimEvent, SimHost, SimProcess, SimUser } from '../types.js';

/** One rendered Windows event. Data values are numbers where the manifest type is numeric. */
export interface WinRecord {
  readonly provider: { readonly name: string; readonly guid: string };
  readonly eventId: number;
  readonly version: number;
  readonly level: number;
  readonly task: number;
  readonly keywords: string;
  readonly time: number;
  readonly recordId: number;
  readonly channel: string;
  readonly computer: string;
  readonly execPid: number;
  readonly execTid: number;
  readonly userSid: string;
  readonly data: ReadonlyArray<readonly [string, string | number]>;
}

type Data = Array<readonly [string, string | number]>;

const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

/** Sysmon's UtcTime: `2026-03-02 08:14:03.123`. */
export function utcTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
}

/** System/TimeCreated SystemTime with microseconds, as evtx_dump prints it. */
export function systemTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}

/** DOMAIN\name as Sysmon prints users. */
export function account(u: SimUser): string {
  return `${u.domain}\\${u.name}`;
}

function logonGuid(host: SimHost, u: SimUser): string {
  if (u.system) return `{${host.machine}-0000-0000-0000-e70300000000}`;
  const h = stableHex(`logon:${host.name}:${u.name}`, 16);
  return `{${host.machine}-${h.slice(0, 4)}-${h.slice(4, 8)}-0000-${h.slice(8)}0000}`.slice(0, 38);
}

function hashesText(p: SimProcess): string {
  const h = p.hashes;
  return `SHA1=${h.sha1},MD5=${h.md5},SHA256=${h.sha256},IMPHASH=${h.imphash}`;
}

function processCreate(e: ProcessEvent): Data {
  const { proc: p, parent } = e;
  return [
    ['RuleName', '-'],
    ['UtcTime', utcTime(e.time)],
    ['ProcessGuid', p.guid],
    ['ProcessId', p.pid],
    ['Image', p.image],
    ['FileVersion', p.meta.version],
    ['Description', p.meta.description],
    ['Product', p.meta.product],
    ['Company', p.meta.company],
    ['OriginalFileName', p.meta.originalFileName],
    ['CommandLine', p.commandLine],
    ['CurrentDirectory', p.cwd],
    ['User', account(p.user)],
    ['LogonGuid', logonGuid(e.host, p.user)],
    ['LogonId', p.user.logonId],
    ['TerminalSessionId', p.user.system ? 0 : 1],
    ['IntegrityLevel', p.integrity],
    ['Hashes', hashesText(p)],
    ['ParentProcessGuid', parent.guid],
    ['ParentProcessId', parent.pid],
    ['ParentImage', parent.image],
    ['ParentCommandLine', parent.commandLine],
    ['ParentUser', account(parent.user)],
  ];
}

const PORT_NAMES: Readonly<Record<number, string>> = { 80: 'http', 443: 'https', 8080: 'http-alt' };

function networkConnect(e: NetworkEvent): Data {
  const v6 = e.dstIp.includes(':');
  return [
    ['RuleName', '-'],
    ['UtcTime', utcTime(e.time)],
    ['ProcessGuid', e.proc.guid],
    ['ProcessId', e.proc.pid],
    ['Image', e.proc.image],
    ['User', account(e.proc.user)],
    ['Protocol', 'tcp'],
    ['Initiated', 'true'],
    ['SourceIsIpv6', 'false'],
    ['SourceIp', e.srcIp],
    ['SourceHostname', e.host.fqdn],
    ['SourcePort', e.srcPort],
    ['SourcePortName', '-'],
    ['DestinationIsIpv6', v6 ? 'true' : 'false'],
    ['DestinationIp', e.dstIp],
    ['DestinationHostname', e.hostname ?? '-'],
    ['DestinationPort', e.dstPort],
    ['DestinationPortName', PORT_NAMES[e.dstPort] ?? '-'],
  ];
}

function fileCreate(e: FileEvent): Data {
  return [
    ['RuleName', '-'],
    ['UtcTime', utcTime(e.time)],
    ['ProcessGuid', e.proc.guid],
    ['ProcessId', e.proc.pid],
    ['Image', e.proc.image],
    ['TargetFilename', e.path],
    ['CreationUtcTime', utcTime(e.time)],
    ['User', account(e.proc.user)],
  ];
}

const hexId = (n: number) => `0x${n.toString(16)}`;

function security4688(e: ProcessEvent): Data {
  const { proc: p, parent } = e;
  const subject = parent.user;
  const elevation = p.user.system ? '%%1936' : '%%1938';
  const label = p.user.system ? 'S-1-16-16384' : 'S-1-16-8192';
  return [
    ['SubjectUserSid', subject.sid],
    ['SubjectUserName', subject.system ? `${e.host.name}$` : subject.name],
    ['SubjectDomainName', subject.system ? 'CONTOSO' : subject.domain],
    ['SubjectLogonId', subject.logonId],
    ['NewProcessId', hexId(p.pid)],
    ['NewProcessName', p.image],
    ['TokenElevationType', elevation],
    ['ProcessId', hexId(parent.pid)],
    ['CommandLine', p.commandLine],
    ['TargetUserSid', 'S-1-0-0'],
    ['TargetUserName', '-'],
    ['TargetDomainName', '-'],
    ['TargetLogonId', '0x0'],
    ['ParentProcessName', parent.image],
    ['MandatoryLabel', label],
  ];
}

/** Record-id counters per host and channel, started at a host-dependent offset like a long-running log. */
class RecordIds {
  private readonly next = new Map<string, number>();
  take(host: string, channel: string): number {
    const key = `${host}|${channel}`;
    const id = this.next.get(key) ?? 10_000 + (fnv1a(key) % 900_000);
    this.next.set(key, id + 1);
    return id;
  }
}

/** Renders the Windows events of a stream; Linux events are counted in `omitted`. */
export function windowsRecords(events: readonly SimEvent[]): { records: WinRecord[]; omitted: number } {
  const ids = new RecordIds();
  const records: WinRecord[] = [];
  let omitted = 0;
  for (const e of events) {
    if (e.host.platform !== 'windows') {
      omitted += 1;
      continue;
    }
    const sysmonPid = ((fnv1a(`sysmon:${e.host.name}`) % 2000) + 500) * 4;
    const base = {
      computer: e.host.fqdn,
      time: e.time,
      execPid: sysmonPid,
      execTid: sysmonPid + 4 + (e.time % 97) * 4,
    };
    const sysmon = {
      ...base,
      provider: SYSMON,
      channel: SYSMON_CHANNEL,
      level: 4,
      keywords: '0x8000000000000000',
      userSid: 'S-1-5-18',
    };
    const add = (eventId: number, version: number, data: Data) =>
      records.push({
        ...sysmon,
        eventId,
        version,
        task: eventId,
        recordId: ids.take(e.host.name, SYSMON_CHANNEL),
        data,
      });
    if (e.type === 'process') {
      if (e.channels.includes('sysmon')) add(1, 5, processCreate(e));
      if (e.channels.includes('security')) {
        const lsass = ((fnv1a(`lsass:${e.host.name}`) % 300) + 150) * 4;
        records.push({
          ...base,
          provider: SECURITY,
          channel: 'Security',
          eventId: 4688,
          version: 2,
          level: 0,
          task: 13312,
          keywords: '0x8020000000000000',
          execPid: lsass,
          execTid: lsass + 8,
          userSid: '',
          recordId: ids.take(e.host.name, 'Security'),
          data: security4688(e),
        });
      }
    } else if (e.type === 'network') add(3, 5, networkConnect(e));
    else add(11, 2, fileCreate(e));
  }
  return { records, omitted };
}
