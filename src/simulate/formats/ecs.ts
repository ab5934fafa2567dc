/**
 * SimEvents -> ECS JSON lines. Windows events take the shape of the Elastic Agent Sysmon integration
 * (winlog.* with event_data next to ECS process/file/network fields); Linux process starts take the shape of
 * Elastic Defend / auditd_manager (pure ECS, host.os.type linux).
 */
import { baseName } from '../materialize.js';
import type { SimEvent, SimProcess } from '../types.js';
import { utcTime, type WinRecord, windowsRecords } from './windows.js';

type Json = Record<string, unknown>;

const ECS_VERSION = '8.11.0';

function processFields(p: SimProcess, linux: boolean): Json {
  const out: Json = {
    pid: p.pid,
    entity_id: p.guid,
    executable: p.image,
    name: baseName(p.image),
    command_line: p.commandLine,
    args: p.argv,
    working_directory: p.cwd,
  };
  if (!linux) {
    out.hash = {
      md5: p.hashes.md5.toLowerCase(),
      sha1: p.hashes.sha1.toLowerCase(),
      sha256: p.hashes.sha256.toLowerCase(),
    };
    out.pe = {
      company: p.meta.company,
      product: p.meta.product,
      description: p.meta.description,
      file_version: p.meta.version,
      original_file_name: p.meta.originalFileName,
    };
  }
  return out;
}

function hostFields(e: SimEvent): Json {
  const linux = e.host.platform === 'linux';
  const os = linux
    ? { type: 'linux', family: 'debian', platform: 'debian', name: 'Debian GNU/Linux', version: '12 (bookworm)' }
    : { type: 'windows', family: 'windows', platform: 'windows', name: 'Windows 10 Enterprise', version: '10.0' };
  return { name: e.host.fqdn.toLowerCase(), hostname: e.host.name, ip: [e.host.ip], os };
}

const CATEGORY = {
  process: { category: ['process'], type: ['start'], code: 1, action: 'Process Create (rule: ProcessCreate)' },
  network: {
    category: ['network'],
    type: ['connection', 'start'],
    code: 3,
    action: 'Network connection detected (rule: NetworkConnect)',
  },
  file: { category: ['file'], type: ['creation'], code: 11, action: 'File created (rule: FileCreate)' },
} as const;

function windowsDoc(e: SimEvent, r: WinRecord): Json {
  const c = CATEGORY[e.type];
  const eventData = Object.fromEntries(r.data.map(([k, v]) => [k, String(v)]));
  const doc: Json = {
    '@timestamp': new Date(e.time).toISOString(),
    ecs: { version: ECS_VERSION },
    event: {
      kind: 'event',
      category: c.category,
      type: c.type,
      code: String(c.code),
      action: c.action,
      provider: r.provider.name,
      module: 'sysmon',
      dataset: 'windows.sysmon_operational',
      created: new Date(e.time).toISOString(),
    },
    host: hostFields(e),
    agent: { type: 'filebeat', version: '8.11.0' },
    user: { name: e.proc.user.name, domain: e.proc.user.domain, id: e.proc.user.sid },
    winlog: {
      channel: r.channel,
      event_id: String(r.eventId),
      provider_name: r.provider.name,
      provider_guid: r.provider.guid,
      computer_name: r.computer,
      record_id: String(r.recordId),
      process: { pid: r.execPid, thread: { id: r.execTid } },
      version: r.version,
      event_data: eventData,
    },
    process: processFields(e.proc, false),
  };
  if (e.type === 'process') {
    (doc.process as Json).parent = processFields(e.parent, false);
    doc.message = `Process Create:\nUtcTime: ${utcTime(e.time)}\nImage: ${e.proc.image}\nCommandLine: ${e.proc.commandLine}`;
  } else if (e.type === 'file') {
    doc.file = {
      path: e.path,
      name: baseName(e.path),
      directory: e.path.slice(0, e.path.lastIndexOf('\\')),
      extension: baseName(e.path).split('.').pop(),
    };
  } else {
    doc.source = { ip: e.srcIp, port: e.srcPort, domain: e.host.fqdn };
    doc.destination = { ip: e.dstIp, port: e.dstPort, ...(e.hostname ? { domain: e.hostname } : {}) };
    doc.network = {
      transport: 'tcp',
      direction: 'egress',
      type: e.dstIp.includes(':') ? 'ipv6' : 'ipv4',
      protocol: e.dstPort === 443 ? 'https' : undefined,
    };
  }
  return doc;
}

function linuxDoc(e: SimEvent): Json {
  const base: Json = {
    '@timestamp': new Date(e.time).toISOString(),
    ecs: { version: ECS_VERSION },
    host: hostFields(e),
    agent: { type: 'endpoint', version: '8.11.0' },
    user: { name: e.proc.user.name, id: String(e.proc.user.uid) },
    data_stream: { type: 'logs', dataset: `endpoint.events.${e.type}`, namespace: 'default' },
  };
  if (e.type === 'process') {
    const process = { ...processFields(e.proc, true), parent: processFields(e.parent, true) };
    return {
      ...base,
      event: { kind: 'event', category: ['process'], type: ['start'], action: 'exec', module: 'endpoint' },
      process,
    };
  }
  if (e.type === 'file') {
    const f = { path: e.path, name: baseName(e.path), directory: e.path.slice(0, e.path.lastIndexOf('/')) };
    return {
      ...base,
      event: { kind: 'event', category: ['file'], type: ['creation'], action: 'creation', module: 'endpoint' },
      file: f,
      process: processFields(e.proc, true),
    };
  }
  return {
    ...base,
    event: {
      kind: 'event',
      category: ['network'],
      type: ['start'],
      action: 'connection_attempted',
      module: 'endpoint',
    },
    source: { ip: e.srcIp, port: e.srcPort },
    destination: { ip: e.dstIp, port: e.dstPort },
    network: { transport: 'tcp', direction: 'egress' },
    process: processFields(e.proc, true),
  };
}

/** ECS documents as JSON lines, in stream order. */
export function renderEcs(events: readonly SimEvent[]): string {
  const windows = windowsRecords(
    events.filter((e) => e.host.platform === 'windows').map((e) => ({ ...e, channels: ['sysmon'] as const })),
  ).records;
  let w = 0;
  return events
    .map((e) => `${JSON.stringify(e.host.platform === 'windows' ? windowsDoc(e, windows[w++]) : linuxDoc(e))}\n`)
    .join('');
}
