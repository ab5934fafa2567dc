/** Shapes of the simulator: scenario definitions (data) and the concrete events they materialise into. */

/** Operating system of a simulated host. */
export type Platform = 'windows' | 'linux';

/** What a scenario is: a seed atomic test, another attack, or benign activity (false-positive or background). */
export type ScenarioKind = 'atomic' | 'attack' | 'benign';

/** Kind of host a scenario runs on (picks the host pool). */
export type HostRole = 'workstation' | 'server' | 'build' | 'linux';

/** Windows channels a process start is logged to. */
export type Channel = 'sysmon' | 'security';

/** Version-info fields of a binary (Sysmon EID 1 FileVersion/Description/Product/Company/OriginalFileName). */
export interface BinaryMeta {
  readonly company: string;
  readonly product: string;
  readonly description: string;
  readonly version: string;
  readonly originalFileName: string;
}

/** A process start. `label` names it for later steps; `emit: false` means it already ran (a parent only). */
export interface ProcStep {
  readonly kind: 'proc';
  readonly label: string;
  readonly image: string;
  readonly cmd: string;
  /** Label of the parent step; the scenario root (explorer.exe, services.exe, bash) when absent. */
  readonly parent?: string;
  /** Linux argv when arguments hold spaces; otherwise `cmd` split on spaces. */
  readonly argv?: readonly string[];
  readonly cwd?: string;
  readonly as?: 'user' | 'system';
  /** Build variant: a different value gives the same path a different hash (tampered rebuild). */
  readonly variant?: string;
  readonly meta?: Partial<BinaryMeta>;
  readonly emit?: boolean;
  /** Milliseconds after the previous step (default: a short random gap). */
  readonly after?: number;
}

/** A file written by a process. */
export interface FileStep {
  readonly kind: 'file';
  readonly by: string;
  readonly path: string;
  readonly after?: number;
}

/** An outbound network connection made by a process. */
export interface NetStep {
  readonly kind: 'net';
  readonly by: string;
  readonly ip: string;
  readonly port: number;
  readonly hostname?: string;
  readonly after?: number;
}

/** One step of a scenario. */
export type Step = ProcStep | FileStep | NetStep;

/** A scenario: data only; `materialize` turns it into events for a seed. */
export interface ScenarioDef {
  readonly id: string;
  readonly title: string;
  readonly kind: ScenarioKind;
  /** ATT&CK technique the scenario exercises (benign scenarios: the technique whose rules they test). */
  readonly technique: string;
  readonly platform: Platform;
  readonly role: HostRole;
  /** Seed atomic test number (1-4) for atomic scenarios. */
  readonly atomic?: number;
  /** For benign scenarios: the exact `falsepositives` entries of rules that this scenario exercises. */
  readonly falsePositives?: readonly string[];
  /** Whether the background generator may draw this scenario. */
  readonly background?: boolean;
  /** Windows channels logged (default sysmon only). */
  readonly channels?: readonly Channel[];
  /** User context of the scenario root (default user). */
  readonly as?: 'user' | 'system';
  readonly steps: readonly Step[];
}

/** A simulated machine. */
export interface SimHost {
  readonly name: string;
  readonly fqdn: string;
  readonly ip: string;
  readonly platform: Platform;
  /** 8 hex digits: the machine part of Sysmon ProcessGuids. */
  readonly machine: string;
  /** Defender XDR DeviceId (40 hex digits). */
  readonly deviceId: string;
}

/** A simulated account. */
export interface SimUser {
  readonly name: string;
  readonly domain: string;
  readonly sid: string;
  readonly uid: number;
  readonly logonId: string;
  readonly system: boolean;
}

/** Hashes of a binary (upper-case hex). */
export interface Hashes {
  readonly md5: string;
  readonly sha1: string;
  readonly sha256: string;
  readonly imphash: string;
}

/** A concrete process. */
export interface SimProcess {
  readonly guid: string;
  readonly pid: number;
  readonly image: string;
  readonly commandLine: string;
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly user: SimUser;
  readonly integrity: 'Medium' | 'High' | 'System';
  readonly hashes: Hashes;
  readonly meta: BinaryMeta;
  readonly start: number;
}

interface EventBase {
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly host: SimHost;
  readonly scenario: string;
  readonly channels: readonly Channel[];
}

/** A process start with its parent (and grandparent when known). */
export interface ProcessEvent extends EventBase {
  readonly type: 'process';
  readonly proc: SimProcess;
  readonly parent: SimProcess;
  readonly grandparent?: SimProcess;
}

/** A file creation. */
export interface FileEvent extends EventBase {
  readonly type: 'file';
  readonly proc: SimProcess;
  readonly path: string;
}

/** An outbound connection. */
export interface NetworkEvent extends EventBase {
  readonly type: 'network';
  readonly proc: SimProcess;
  readonly srcIp: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstPort: number;
  readonly hostname?: string;
}

/** One materialised event, format-neutral. */
export type SimEvent = ProcessEvent | FileEvent | NetworkEvent;
