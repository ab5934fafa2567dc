/** The seed page's four atomic tests (T1195 "Testing Methodology"), with the telemetry the seed expects. */
import { PATHS } from '../catalog.js';
import type { ScenarioDef } from '../types.js';
import { file, proc } from './dsl.js';

const NPM_CLI = 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js';

/** Atomic tests 1-4. */
export const ATOMIC: readonly ScenarioDef[] = [
  {
    id: 'atomic-1-trojanized-setup-powershell',
    title: 'Test 1: trojanized installer %TEMP%\\setup.exe spawns PowerShell (Sysmon 1 + 11, Security 4688)',
    kind: 'atomic',
    atomic: 1,
    technique: 'T1195.002',
    platform: 'windows',
    role: 'workstation',
    channels: ['sysmon', 'security'],
    steps: [
      proc('setup', '%TEMP%\\setup.exe', '"%TEMP%\\setup.exe" /S'),
      proc(
        'ps',
        PATHS.powershell,
        'powershell.exe -NoProfile -ExecutionPolicy Bypass -Command "Set-Content -Path $env:TEMP\\t1195_installer_test.txt -Value \'T1195 trojanized installer test\'"',
        { parent: 'setup' },
      ),
      file('ps', '%TEMP%\\t1195_installer_test.txt'),
    ],
  },
  {
    id: 'atomic-2-npm-postinstall-cmd',
    title: 'Test 2: malicious npm package postinstall script runs cmd.exe (node.exe -> cmd.exe)',
    kind: 'atomic',
    atomic: 2,
    technique: 'T1195.001',
    platform: 'windows',
    role: 'workstation',
    channels: ['sysmon', 'security'],
    steps: [
      proc('shell', PATHS.cmd, '"C:\\Windows\\system32\\cmd.exe"', { cwd: '%TEMP%\\t1195-npm\\' }),
      proc('npmcmd', PATHS.cmd, 'C:\\Windows\\system32\\cmd.exe /d /s /c "npm install"', {
        parent: 'shell',
        cwd: '%TEMP%\\t1195-npm\\',
      }),
      proc('npm', PATHS.node, `"${PATHS.node}" "${NPM_CLI}" install`, { parent: 'npmcmd', cwd: '%TEMP%\\t1195-npm\\' }),
      proc(
        'post',
        PATHS.cmd,
        'C:\\Windows\\system32\\cmd.exe /d /s /c "echo T1195 npm postinstall test > %TEMP%\\t1195-npm\\postinstall_output.txt"',
        { parent: 'npm', cwd: '%TEMP%\\t1195-npm\\' },
      ),
      file('post', '%TEMP%\\t1195-npm\\postinstall_output.txt'),
    ],
  },
  {
    id: 'atomic-3-python-setup-id',
    title: 'Test 3: malicious setup.py runs `id` (auditd SYSCALL/EXECVE/CWD/PATH/PROCTITLE)',
    kind: 'atomic',
    atomic: 3,
    technique: 'T1195.001',
    platform: 'linux',
    role: 'linux',
    steps: [
      proc('py', PATHS.python, 'python3 setup.py install', { cwd: '/tmp/t1195-pip' }),
      proc('id', '/usr/bin/id', 'id', { parent: 'py', cwd: '/tmp/t1195-pip' }),
      file('py', '/tmp/t1195-pip/pip_payload_output.txt'),
    ],
  },
  {
    id: 'atomic-4-certutil-hashfile',
    title: 'Test 4: hash integrity check with certutil -hashfile and fc (analyst workflow)',
    kind: 'atomic',
    atomic: 4,
    technique: 'T1195.002',
    platform: 'windows',
    role: 'workstation',
    steps: [
      proc('shell', PATHS.cmd, '"C:\\Windows\\system32\\cmd.exe"'),
      proc('h1', PATHS.certutil, 'certutil.exe -hashfile "C:\\Program Files\\Notepad++\\notepad++.exe" SHA256', {
        parent: 'shell',
      }),
      file('shell', '%TEMP%\\t1195-hash\\original.sha256'),
      proc('h2', PATHS.certutil, 'certutil.exe -hashfile "%TEMP%\\t1195-hash\\notepad++.exe" SHA256', {
        parent: 'shell',
      }),
      file('shell', '%TEMP%\\t1195-hash\\current.sha256'),
      proc(
        'fc',
        'C:\\Windows\\System32\\fc.exe',
        'fc.exe /b "%TEMP%\\t1195-hash\\original.sha256" "%TEMP%\\t1195-hash\\current.sha256"',
        { parent: 'shell' },
      ),
    ],
  },
];
