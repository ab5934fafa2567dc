/**
 * Turns one scenario definition into concrete events for a seed: picks a host and user, expands %TEMP%-style
 * variables, assigns pids, ProcessGuids, hashes and timestamps. Pure: the same (scenario, seed, index, start)
 * always gives the same events.
 */
import { BINARY_META, DOMAIN, HOSTS, PATHS, UNKNOWN_META, USERS } from './catalog.js';
import { fnv1a, hex, int, mulberry32, pick, type Rng, stableHex } from './prng.js';
import type { Hashes, ProcStep, ScenarioDef, SimEvent, SimHost, SimProcess, SimUser } from './types.js';

/** Where and when one scenario instance runs. */
export interface Placement {
  readonly seed: number;
  /** Instance number (scenarios of one run and background instances get distinct numbers). */
  readonly index: number;
  /** Start time, ms since the epoch. */
  readonly start: number;
}

interface State {
  readonly rng: Rng;
  readonly host: SimHost;
  readonly user: SimUser;
  readonly system: SimUser;
  readonly procs: Map<string, SimProcess>;
  readonly parents: Map<SimProcess, SimProcess>;
  time: number;
  seq: number;
}

/** Materialises one scenario instance. */
export function materialize(def: ScenarioDef, at: Placement): SimEvent[] {
  const rng = mulberry32((at.seed ^ fnv1a(def.id) ^ Math.imul(at.index + 1, 0x9e3779b9)) >>> 0);
  const host = makeHost(rng, def);
  const user = makeUser(rng, def, host);
  const system = systemUser(def);
  const state: State = { rng, host, user, system, procs: new Map(), parents: new Map(), time: at.start, seq: 0 };
  const rootUser = def.as === 'system' ? system : user;
  const rootImage =
    def.platform === 'linux'
      ? def.as === 'system'
        ? '/usr/lib/systemd/systemd'
        : PATHS.bash
      : def.as === 'system'
        ? PATHS.services
        : PATHS.explorer;
  const root = makeProcess(
    state,
    { kind: 'proc', label: '', image: rootImage, cmd: rootImage },
    rootUser,
    at.start - int(rng, 600_000, 14_400_000),
  );
  const channels = def.channels ?? ['sysmon'];
  const out: SimEvent[] = [];
  for (const step of def.steps) {
    state.time += step.after ?? int(rng, 250, 2500);
    const base = { time: state.time, host, scenario: def.id, channels };
    if (step.kind === 'proc') {
      const parent = step.parent === undefined ? root : state.procs.get(step.parent);
      if (parent === undefined)
        throw new Error(`scenario ${def.id}: step '${step.label}' names unknown parent '${step.parent}'`);
      const proc = makeProcess(
        state,
        step,
        step.as === undefined ? parent.user : step.as === 'system' ? system : user,
        state.time,
      );
      state.procs.set(step.label, proc);
      state.parents.set(proc, parent);
      if (step.emit !== false)
        out.push({ ...base, type: 'process', proc, parent, grandparent: state.parents.get(parent) });
      continue;
    }
    const proc = state.procs.get(step.by);
    if (proc === undefined) throw new Error(`scenario ${def.id}: step names unknown process '${step.by}'`);
    if (step.kind === 'file') out.push({ ...base, type: 'file', proc, path: expand(step.path, proc.user, def) });
    else {
      const dst = { dstIp: step.ip, dstPort: step.port, hostname: step.hostname };
      out.push({ ...base, type: 'network', proc, srcIp: host.ip, srcPort: int(rng, 49152, 65535), ...dst });
    }
  }
  return out;
}

function makeHost(rng: Rng, def: ScenarioDef): SimHost {
  const name = pick(rng, HOSTS[def.role]);
  const fqdn = def.platform === 'linux' ? `${name}.${DOMAIN.dns}` : `${name}.${DOMAIN.dns}`;
  const ip = `10.${20 + (fnv1a(name) % 40)}.${fnv1a(`${name}/3`) % 250}.${10 + (fnv1a(`${name}/4`) % 240)}`;
  return {
    name,
    fqdn,
    ip,
    platform: def.platform,
    machine: stableHex(`machine:${name}`, 8),
    deviceId: stableHex(`device:${name}`, 40),
  };
}

function makeUser(rng: Rng, def: ScenarioDef, host: SimHost): SimUser {
  const [name, rid] = def.role === 'build' ? USERS[USERS.length - 1] : pick(rng, USERS);
  const logonId = `0x${(0x100000 + (fnv1a(`${host.name}/${name}`) % 0xeffffff)).toString(16)}`;
  const domain = def.platform === 'linux' ? host.name : DOMAIN.netbios;
  return { name, domain, sid: `${DOMAIN.sid}-${rid}`, uid: rid, logonId, system: false };
}

function systemUser(def: ScenarioDef): SimUser {
  if (def.platform === 'linux')
    return { name: 'root', domain: '', sid: '', uid: 0, logonId: '4294967295', system: true };
  return { name: 'SYSTEM', domain: 'NT AUTHORITY', sid: 'S-1-5-18', uid: 0, logonId: '0x3e7', system: true };
}

/** Expands %TEMP%, %LOCALAPPDATA%, %APPDATA%, %USERPROFILE% (Windows) and $HOME (Linux) for a user. */
export function expand(text: string, user: SimUser, def: Pick<ScenarioDef, 'platform'>): string {
  if (def.platform === 'linux') return text.replaceAll('$HOME', user.system ? '/root' : `/home/${user.name}`);
  const profile = user.system ? 'C:\\Windows\\System32\\config\\systemprofile' : `C:\\Users\\${user.name}`;
  const temp = user.system ? 'C:\\Windows\\Temp' : `${profile}\\AppData\\Local\\Temp`;
  return text
    .replaceAll('%TEMP%', temp)
    .replaceAll('%LOCALAPPDATA%', `${profile}\\AppData\\Local`)
    .replaceAll('%APPDATA%', `${profile}\\AppData\\Roaming`)
    .replaceAll('%USERPROFILE%', profile);
}

function makeProcess(state: State, step: ProcStep, user: SimUser, start: number): SimProcess {
  const { rng, host } = state;
  const def = { platform: host.platform };
  const image = expand(step.image, user, def);
  const given = expand(step.cmd, user, def);
  const argv = (step.argv ?? splitArgs(given)).map((a) => expand(a, user, def));
  const commandLine = given === '' ? argv.join(' ') : given;
  const name = baseName(image).toLowerCase();
  const meta = { ...(BINARY_META[name] ?? UNKNOWN_META), ...step.meta };
  const linux = host.platform === 'linux';
  const home = user.system
    ? linux
      ? '/root'
      : 'C:\\Windows\\system32'
    : linux
      ? `/home/${user.name}`
      : `C:\\Users\\${user.name}`;
  const cwd = step.cwd === undefined ? `${home}${linux ? '' : '\\'}` : expand(step.cwd, user, def);
  state.seq += 1;
  const pid = linux ? int(rng, 2000, 90000) : int(rng, 250, 9000) * 4;
  const secs = Math.floor(start / 1000)
    .toString(16)
    .padStart(8, '0');
  const guid = `{${host.machine}-${secs.slice(0, 4)}-${secs.slice(4)}-${hex(rng, 4)}-${hex(rng, 12)}}`;
  const integrity = user.system ? 'System' : 'Medium';
  return {
    guid,
    pid,
    image,
    commandLine,
    argv,
    cwd,
    user,
    integrity,
    hashes: hashesOf(image, step.variant ?? meta.version),
    meta,
    start,
  };
}

/** Hashes that depend only on the binary path and build, as the same file has the same hash on every host. */
export function hashesOf(image: string, build: string): Hashes {
  const key = `${image.toLowerCase()}|${build}`;
  const up = (n: number, k: string) => stableHex(`${k}:${key}`, n).toUpperCase();
  return { md5: up(32, 'md5'), sha1: up(40, 'sha1'), sha256: up(64, 'sha256'), imphash: up(32, 'imphash') };
}

/** The file name of a Windows or POSIX path. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
}

/** Splits a command line on spaces outside double quotes (quotes removed), as a program sees argv. */
export function splitArgs(commandLine: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let has = false;
  for (const ch of commandLine) {
    if (ch === '"') {
      quoted = !quoted;
      has = true;
    } else if (ch === ' ' && !quoted) {
      if (has) out.push(current);
      current = '';
      has = false;
    } else {
      current += ch;
      has = true;
    }
  }
  if (has) out.push(current);
  return out;
}
