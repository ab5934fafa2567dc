/**
 * SimEvents -> Microsoft Defender XDR Advanced Hunting rows (DeviceProcessEvents, DeviceNetworkEvents,
 * DeviceFileEvents) as JSON lines, with the column names of shared/mappings/mde_advanced_hunting_schema.csv.
 * FolderPath holds the full path including the file name, as Defender writes it.
 */

import { baseName } from '../materialize.js';
import { stableHex } from '../prng.js';
import type { SimEvent, SimHost, SimProcess } from '../types.js';

type Row = Record<string, string | number | boolean | null>;

const PRIVATE = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^127\./, /^169\.254\./, /^(::1|fc|fd|fe80)/i];

/** RemoteIPType as Defender classifies addresses. */
export function ipType(ip: string): string {
  if (/^127\.|^::1$/.test(ip)) return 'Loopback';
  return PRIVATE.some((re) => re.test(ip)) ? 'Private' : 'Public';
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '0000Z');
}

/** The InitiatingProcess* columns of the acting process (and its parent). */
function initiating(p: SimProcess, parent: SimProcess | undefined): Row {
  return {
    InitiatingProcessAccountDomain: p.user.domain.toLowerCase(),
    InitiatingProcessAccountName: p.user.name.toLowerCase(),
    InitiatingProcessAccountSid: p.user.sid,
    InitiatingProcessSHA1: p.hashes.sha1.toLowerCase(),
    InitiatingProcessSHA256: p.hashes.sha256.toLowerCase(),
    InitiatingProcessMD5: p.hashes.md5.toLowerCase(),
    InitiatingProcessFileName: baseName(p.image),
    InitiatingProcessFolderPath: p.image,
    InitiatingProcessId: p.pid,
    InitiatingProcessCommandLine: p.commandLine,
    InitiatingProcessCreationTime: iso(p.start),
    InitiatingProcessIntegrityLevel: p.integrity,
    InitiatingProcessVersionInfoCompanyName: p.meta.company === '?' ? '' : p.meta.company,
    InitiatingProcessVersionInfoProductName: p.meta.product === '?' ? '' : p.meta.product,
    InitiatingProcessVersionInfoProductVersion: p.meta.version === '?' ? '' : p.meta.version,
    InitiatingProcessVersionInfoOriginalFileName: p.meta.originalFileName === '?' ? '' : p.meta.originalFileName,
    InitiatingProcessParentId: parent?.pid ?? null,
    InitiatingProcessParentFileName: parent === undefined ? null : baseName(parent.image),
    InitiatingProcessParentCreationTime: parent === undefined ? null : iso(parent.start),
  };
}

function common(e: SimEvent, action: string, seq: number): Row {
  return {
    Timestamp: iso(e.time),
    DeviceId: e.host.deviceId,
    DeviceName: e.host.fqdn.toLowerCase(),
    ActionType: action,
    ReportId: seq,
  };
}

function hostReport(host: SimHost, time: number): number {
  return Number.parseInt(stableHex(`report:${host.name}:${time}`, 6), 16);
}

/** One Advanced Hunting row per event, as JSON lines. */
export function renderMde(events: readonly SimEvent[]): string {
  const lines: string[] = [];
  for (const e of events) {
    const base = common(
      e,
      e.type === 'process' ? 'ProcessCreated' : e.type === 'file' ? 'FileCreated' : 'ConnectionSuccess',
      hostReport(e.host, e.time),
    );
    let row: Row;
    if (e.type === 'process') {
      const p = e.proc;
      row = {
        ...base,
        FileName: baseName(p.image),
        FolderPath: p.image,
        SHA1: p.hashes.sha1.toLowerCase(),
        SHA256: p.hashes.sha256.toLowerCase(),
        MD5: p.hashes.md5.toLowerCase(),
        ProcessVersionInfoCompanyName: p.meta.company === '?' ? '' : p.meta.company,
        ProcessVersionInfoProductName: p.meta.product === '?' ? '' : p.meta.product,
        ProcessVersionInfoProductVersion: p.meta.version === '?' ? '' : p.meta.version,
        ProcessVersionInfoOriginalFileName: p.meta.originalFileName === '?' ? '' : p.meta.originalFileName,
        ProcessVersionInfoFileDescription: p.meta.description === '?' ? '' : p.meta.description,
        ProcessId: p.pid,
        ProcessCommandLine: p.commandLine,
        ProcessIntegrityLevel: p.integrity,
        ProcessCreationTime: iso(p.start),
        AccountDomain: p.user.domain.toLowerCase(),
        AccountName: p.user.name.toLowerCase(),
        AccountSid: p.user.sid,
        LogonId: Number.parseInt(p.user.logonId, 16) || 0,
        ...initiating(e.parent, e.grandparent),
      };
    } else if (e.type === 'file') {
      row = { ...base, FileName: baseName(e.path), FolderPath: e.path, ...initiating(e.proc, undefined) };
    } else {
      row = {
        ...base,
        RemoteIP: e.dstIp,
        RemotePort: e.dstPort,
        RemoteUrl: e.hostname ?? '',
        LocalIP: e.srcIp,
        LocalPort: e.srcPort,
        Protocol: 'Tcp',
        LocalIPType: ipType(e.srcIp),
        RemoteIPType: ipType(e.dstIp),
        ...initiating(e.proc, undefined),
      };
    }
    lines.push(`${JSON.stringify(row)}\n`);
  }
  return lines.join('');
}
