/** Fixed facts the simulator draws from: well-known paths, version info of common binaries, host and user pools. */
import type { BinaryMeta, HostRole } from './types.js';

/** Full paths of Windows and Linux binaries the scenarios use. */
export const PATHS = {
  explorer: 'C:\\Windows\\explorer.exe',
  services: 'C:\\Windows\\System32\\services.exe',
  svchost: 'C:\\Windows\\System32\\svchost.exe',
  cmd: 'C:\\Windows\\System32\\cmd.exe',
  powershell: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  msiexec: 'C:\\Windows\\System32\\msiexec.exe',
  rundll32: 'C:\\Windows\\System32\\rundll32.exe',
  regsvr32: 'C:\\Windows\\System32\\regsvr32.exe',
  certutil: 'C:\\Windows\\System32\\certutil.exe',
  wevtutil: 'C:\\Windows\\System32\\wevtutil.exe',
  schtasks: 'C:\\Windows\\System32\\schtasks.exe',
  whoami: 'C:\\Windows\\System32\\whoami.exe',
  curl: 'C:\\Windows\\System32\\curl.exe',
  node: 'C:\\Program Files\\nodejs\\node.exe',
  msbuild: 'C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\MSBuild\\Current\\Bin\\amd64\\MSBuild.exe',
  dotnet: 'C:\\Program Files\\dotnet\\dotnet.exe',
  devenv: 'C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\Common7\\IDE\\devenv.exe',
  ccmexec: 'C:\\Windows\\CCM\\CcmExec.exe',
  bash: '/usr/bin/bash',
  dash: '/usr/bin/dash',
  python: '/usr/bin/python3.11',
} as const;

const MS = 'Microsoft Corporation';
const WIN = 'Microsoft® Windows® Operating System';

/** Version info by lower-case file name; binaries not listed get Sysmon's `?` placeholders. */
export const BINARY_META: Readonly<Record<string, BinaryMeta>> = {
  'explorer.exe': meta(MS, WIN, 'Windows Explorer', '10.0.19041.3996 (WinBuild.160101.0800)', 'EXPLORER.EXE'),
  'services.exe': meta(MS, WIN, 'Services and Controller app', '10.0.19041.3996', 'services.exe'),
  'svchost.exe': meta(MS, WIN, 'Host Process for Windows Services', '10.0.19041.3996', 'svchost.exe'),
  'cmd.exe': meta(MS, WIN, 'Windows Command Processor', '10.0.19041.3996', 'Cmd.Exe'),
  'powershell.exe': meta(MS, WIN, 'Windows PowerShell', '10.0.19041.3996', 'PowerShell.EXE'),
  'msiexec.exe': meta(MS, WIN, 'Windows® installer', '5.0.19041.3996', 'msiexec.exe'),
  'rundll32.exe': meta(MS, WIN, 'Windows host process (Rundll32)', '10.0.19041.3996', 'RUNDLL32.EXE'),
  'regsvr32.exe': meta(MS, WIN, 'Microsoft(C) Register Server', '10.0.19041.3996', 'REGSVR32.EXE'),
  'certutil.exe': meta(MS, WIN, 'CertUtil.exe', '10.0.19041.3996', 'CertUtil.exe'),
  'wevtutil.exe': meta(MS, WIN, 'Eventing Command Line Utility', '10.0.19041.3996', 'wevtutil.exe'),
  'schtasks.exe': meta(MS, WIN, 'Task Scheduler Configuration Tool', '10.0.19041.3996', 'schtasks.exe'),
  'whoami.exe': meta(MS, WIN, 'whoami - displays logged on user information', '10.0.19041.3996', 'whoami.exe'),
  'curl.exe': meta('curl, https://curl.se/', 'The curl executable', 'The curl executable', '8.4.0', 'curl.exe'),
  'ipconfig.exe': meta(MS, WIN, 'IP Configuration Utility', '10.0.19041.3996', 'ipconfig.exe'),
  'node.exe': meta('Node.js', 'Node.js', 'Node.js JavaScript Runtime', '20.11.1', 'node.exe'),
  'msbuild.exe': meta(MS, 'Microsoft® Build Tools®', 'MSBuild.exe', '17.9.5.7608', 'MSBuild.exe'),
  'dotnet.exe': meta(MS, 'Microsoft® .NET', '.NET Host', '8.0.3', 'dotnet.exe'),
  'devenv.exe': meta(MS, 'Microsoft® Visual Studio®', 'Microsoft Visual Studio 2022', '17.9.34728.123', 'devenv.exe'),
  'ccmexec.exe': meta(MS, 'System Center Configuration Manager', 'CCM Executive', '5.0.9122.1000', 'CcmExec.exe'),
  'tiworker.exe': meta(MS, WIN, 'Windows Modules Installer Worker', '10.0.19041.3996', 'TiWorker.exe'),
};

function meta(company: string, product: string, description: string, version: string, original: string): BinaryMeta {
  return { company, product, description, version, originalFileName: original };
}

/** Version info shown when a binary has none. */
export const UNKNOWN_META: BinaryMeta = meta('?', '?', '?', '?', '?');

/** Host name pools per role (short names; the domain is appended). */
export const HOSTS: Readonly<Record<HostRole, readonly string[]>> = {
  workstation: ['WS-FIN-0231', 'WS-HR-0117', 'WS-ENG-0452', 'WS-OPS-0088', 'LT-SALES-0614'],
  server: ['SRV-ORION01', 'SRV-APP-07', 'SRV-FILE-02', 'SRV-MGMT-03'],
  build: ['BLD-AGENT-04', 'BLD-AGENT-11', 'DEV-WS-0309'],
  linux: ['dev-lnx-12', 'ci-runner-07', 'ml-train-03'],
};

/** Active Directory domain of the simulated estate. */
export const DOMAIN = { netbios: 'CONTOSO', dns: 'corp.contoso.com', sid: 'S-1-5-21-3623811015-3361044348-30300820' };

/** Ordinary user accounts: [sAMAccountName, RID / Linux uid]. */
export const USERS: ReadonlyArray<readonly [string, number]> = [
  ['j.doe', 1104],
  ['a.khan', 1187],
  ['m.rossi', 1221],
  ['s.chen', 1302],
  ['dev.build', 1410],
];

/** Sysmon provider. */
export const SYSMON = { name: 'Microsoft-Windows-Sysmon', guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}' };
/** Security auditing provider. */
export const SECURITY = { name: 'Microsoft-Windows-Security-Auditing', guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}' };
