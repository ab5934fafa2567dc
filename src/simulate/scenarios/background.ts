/** Ordinary activity for the background generator: installs, updates, builds and admin work that must stay quiet. */
import { PATHS } from '../catalog.js';
import type { ScenarioDef } from '../types.js';
import { net, proc, running } from './dsl.js';

const B = { kind: 'benign', platform: 'windows', background: true, technique: 'T1195.002' } as const;
const EMBED = 'C:\\Windows\\System32\\MsiExec.exe -Embedding 9A8B7C6D5E4F30211F2E3D4C5B6A7988 E Global\\MSI0000';

/** Background scenarios (no false-positive entry: they never match a rule). */
export const BACKGROUND: readonly ScenarioDef[] = [
  {
    ...B,
    id: 'bg-msiexec-install',
    title: 'User installs 7-Zip from an MSI; the installer service starts its custom-action server',
    role: 'workstation',
    steps: [
      proc('msi', PATHS.msiexec, '"C:\\Windows\\System32\\msiexec.exe" /i "%USERPROFILE%\\Downloads\\7z2301-x64.msi"'),
      running('msisrv', PATHS.msiexec, 'C:\\Windows\\system32\\msiexec.exe /V', { as: 'system' }),
      proc('ca', PATHS.msiexec, EMBED, { parent: 'msisrv' }),
    ],
  },
  {
    ...B,
    id: 'bg-windows-update',
    title: 'Windows Update scan and servicing workers',
    role: 'workstation',
    as: 'system',
    steps: [
      running('svc', PATHS.svchost, 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s wuauserv'),
      proc(
        'uso',
        'C:\\Windows\\System32\\MoUsoCoreWorker.exe',
        'C:\\Windows\\System32\\MoUsoCoreWorker.exe -Embedding',
        { parent: 'svc' },
      ),
      proc(
        'ti',
        'C:\\Windows\\WinSxS\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.3989_none_7e2b1d4f8a3c6e21\\TiWorker.exe',
        'C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.3989_none_7e2b1d4f8a3c6e21\\TiWorker.exe -Embedding',
        { parent: 'svc' },
      ),
      net('uso', '13.107.4.50', 443, 'fe3cr.delivery.mp.microsoft.com'),
    ],
  },
  {
    ...B,
    id: 'bg-browser-updaters-443',
    title: 'Chrome and Edge updaters check in over HTTPS',
    role: 'workstation',
    as: 'system',
    steps: [
      proc(
        'g',
        'C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe',
        '"C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe" /ua /installsource scheduler',
      ),
      net('g', '142.250.185.78', 443, 'update.googleapis.com'),
      proc(
        'e',
        'C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe',
        '"C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe" /ua /installsource scheduler',
      ),
      net('e', '13.107.4.52', 443, 'msedge.api.cdp.microsoft.com'),
    ],
  },
  {
    ...B,
    id: 'bg-wsus-internal-update',
    title: 'Patch agent updater pulls from the internal WSUS server on 8530',
    role: 'workstation',
    as: 'system',
    steps: [
      proc(
        'upd',
        'C:\\Program Files\\Contoso\\Patch Agent\\updater.exe',
        '"C:\\Program Files\\Contoso\\Patch Agent\\updater.exe" -poll',
      ),
      net('upd', '10.20.5.15', 8530, 'wsus01.corp.contoso.com'),
    ],
  },
  {
    ...B,
    id: 'bg-msbuild-node-reuse',
    title: 'MSBuild starts worker nodes for a parallel build',
    role: 'build',
    steps: [
      proc('msb', PATHS.msbuild, `"${PATHS.msbuild}" Contoso.sln /m /p:Configuration=Debug`, {
        cwd: '%USERPROFILE%\\source\\repos\\Contoso\\',
      }),
      proc('node1', PATHS.msbuild, `"${PATHS.msbuild}" /nologo /nodemode:1 /nodeReuse:true /low:false`, {
        parent: 'msb',
      }),
      proc('node2', PATHS.msbuild, `"${PATHS.msbuild}" /nologo /nodemode:1 /nodeReuse:true /low:false`, {
        parent: 'msb',
      }),
    ],
  },
  {
    ...B,
    id: 'bg-build-tool-help',
    title: 'Build step prints signtool usage (help invocation)',
    role: 'build',
    steps: [
      proc('dn', PATHS.dotnet, '"C:\\Program Files\\dotnet\\dotnet.exe" msbuild sign.proj', {
        cwd: '%USERPROFILE%\\source\\repos\\Contoso\\',
      }),
      proc('cmd', PATHS.cmd, 'cmd.exe /c signtool.exe sign /?', { parent: 'dn' }),
    ],
  },
  {
    ...B,
    id: 'bg-admin-activity',
    title: 'Administrator checks network and services from a shell',
    role: 'workstation',
    steps: [
      proc('cmd', PATHS.cmd, '"C:\\Windows\\system32\\cmd.exe"'),
      proc('ip', 'C:\\Windows\\System32\\ipconfig.exe', 'ipconfig /all', { parent: 'cmd' }),
      proc(
        'ps',
        PATHS.powershell,
        'powershell.exe -NoProfile -Command "Get-Service | Where-Object Status -eq Stopped"',
      ),
    ],
  },
  {
    ...B,
    id: 'bg-npm-run-build',
    title: 'npm run build compiles a web app',
    role: 'build',
    technique: 'T1195.001',
    steps: [
      proc(
        'npm',
        PATHS.node,
        `"${PATHS.node}" "C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js" run build`,
        { cwd: '%USERPROFILE%\\source\\repos\\webapp\\' },
      ),
      proc('cmd', PATHS.cmd, 'C:\\Windows\\system32\\cmd.exe /d /s /c "tsc -p . && vite build"', {
        parent: 'npm',
        cwd: '%USERPROFILE%\\source\\repos\\webapp\\',
      }),
    ],
  },
  {
    id: 'bg-linux-apt-upgrade',
    title: 'unattended-upgrades runs dpkg maintainer scripts',
    kind: 'benign',
    background: true,
    technique: 'T1195.001',
    platform: 'linux',
    role: 'linux',
    as: 'system',
    steps: [
      proc('apt', '/usr/bin/python3.11', '/usr/bin/python3 /usr/bin/unattended-upgrade', { cwd: '/' }),
      proc('dpkg', '/usr/bin/dpkg', '/usr/bin/dpkg --status-fd 10 --configure --pending', { parent: 'apt', cwd: '/' }),
      proc('sh', PATHS.dash, '', {
        parent: 'dpkg',
        cwd: '/',
        argv: ['/bin/sh', '/var/lib/dpkg/info/openssl.postinst', 'configure', '3.0.11-1~deb12u2'],
      }),
    ],
  },
];
