/** Benign scenarios that exercise a rule's documented false positive (each names the entries it covers). */
import { PATHS } from '../catalog.js';
import type { ScenarioDef } from '../types.js';
import { file, net, proc, running } from './dsl.js';
import { FP } from './fp-texts.js';

const B = { kind: 'benign', platform: 'windows', background: true } as const;
const IME =
  'C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Microsoft.Management.Services.IntuneWindowsAgent.exe';
const IMECACHE = 'C:\\Windows\\IMECache\\5f1e2c3a-7b4d-4e8f-9a0b-1c2d3e4f5a6b_1';
const PDQ = 'C:\\Windows\\AdminArsenal\\PDQDeployRunner\\service-1';
const SC = 'C:\\Program Files (x86)\\ScreenConnect Client (4b7e1a2c9d3f5e60)';
const NPM = `"${PATHS.node}" "C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js"`;
const BURN1 = '%TEMP%\\{6F3C2A1B-9D8E-4C7F-A1B2-C3D4E5F60718}\\.cr\\setup.exe';
const BURN2 = '%TEMP%\\{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}\\.be\\setup.exe';
const EMBED = 'C:\\Windows\\System32\\MsiExec.exe -Embedding 3B4C5D6E7F8091A2B3C4D5E6F7081920 E Global\\MSI0000';

/** False-positive scenarios, one or more per rule with documented false positives. */
export const FALSE_POSITIVES: readonly ScenarioDef[] = [
  {
    ...B,
    id: 'fp-msi-postinstall-powershell',
    title: 'Vendor MSI runs its reviewed post-install PowerShell script',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.updaterPostInstall, FP.legacyInstallers],
    steps: [
      running('msisrv', PATHS.msiexec, 'C:\\Windows\\system32\\msiexec.exe /V'),
      proc('ca', PATHS.msiexec, EMBED, { parent: 'msisrv' }),
      proc(
        'ps',
        PATHS.powershell,
        'powershell.exe -NoProfile -ExecutionPolicy Bypass -File "C:\\Program Files\\Contoso\\Endpoint Agent\\scripts\\postinstall.ps1"',
        { parent: 'ca' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-sccm-setup-powershell',
    title: 'Configuration Manager runs setup.exe from ccmcache, which configures with PowerShell',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.provisioningTools, FP.deploymentPlatforms],
    steps: [
      running('ccm', PATHS.ccmexec, 'C:\\Windows\\CCM\\CcmExec.exe'),
      proc(
        'setup',
        'C:\\Windows\\ccmcache\\2a\\setup.exe',
        '"C:\\Windows\\ccmcache\\2a\\setup.exe" /quiet /norestart',
        { parent: 'ccm', cwd: 'C:\\Windows\\ccmcache\\2a\\' },
      ),
      proc(
        'ps',
        PATHS.powershell,
        'powershell.exe -ExecutionPolicy Bypass -File "C:\\Windows\\ccmcache\\2a\\Configure-Client.ps1"',
        { parent: 'setup', cwd: 'C:\\Windows\\ccmcache\\2a\\' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-intune-win32app-powershell',
    title: 'Intune Win32 app: setup.exe from IMECache runs its PowerShell post step',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.provisioningTools, FP.deploymentPlatforms],
    steps: [
      running('ime', IME, `"${IME}"`),
      proc('setup', `${IMECACHE}\\setup.exe`, `"${IMECACHE}\\setup.exe" /S`, { parent: 'ime', cwd: `${IMECACHE}\\` }),
      proc('ps', PATHS.powershell, `powershell.exe -ExecutionPolicy Bypass -File "${IMECACHE}\\post.ps1"`, {
        parent: 'setup',
        cwd: `${IMECACHE}\\`,
      }),
    ],
  },
  {
    ...B,
    id: 'fp-chocolatey-install-cmd',
    title: 'Chocolatey installs 7-Zip; the downloaded setup.exe runs cmd',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.provisioningTools],
    steps: [
      running(
        'choco',
        'C:\\ProgramData\\chocolatey\\choco.exe',
        '"C:\\ProgramData\\chocolatey\\choco.exe" install 7zip -y',
      ),
      proc(
        'setup',
        '%TEMP%\\chocolatey\\7zip.install\\23.1.0\\setup.exe',
        '"%TEMP%\\chocolatey\\7zip.install\\23.1.0\\setup.exe" /S',
        { parent: 'choco' },
      ),
      proc('cmd', PATHS.cmd, 'cmd.exe /c reg add "HKLM\\SOFTWARE\\7-Zip" /v Path /d "C:\\Program Files\\7-Zip\\" /f', {
        parent: 'setup',
      }),
    ],
  },
  {
    ...B,
    id: 'fp-pdq-deploy-setup-powershell',
    title: 'PDQ Deploy package: setup.exe in the runner exec folder runs PowerShell',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.deploymentPlatforms],
    steps: [
      running('pdq', `${PDQ}\\PDQDeployRunner-1.exe`, `"${PDQ}\\PDQDeployRunner-1.exe"`),
      proc('setup', `${PDQ}\\exec\\setup.exe`, `"${PDQ}\\exec\\setup.exe" /quiet`, {
        parent: 'pdq',
        cwd: `${PDQ}\\exec\\`,
      }),
      proc('ps', PATHS.powershell, `powershell.exe -NoProfile -File "${PDQ}\\exec\\configure.ps1"`, {
        parent: 'setup',
        cwd: `${PDQ}\\exec\\`,
      }),
    ],
  },
  {
    ...B,
    id: 'fp-squirrel-slack-update-cmd',
    title: 'Slack Squirrel Update.exe --update runs its post-update cmd step',
    technique: 'T1195.002',
    role: 'workstation',
    falsePositives: [FP.electronSquirrel],
    steps: [
      proc(
        'upd',
        '%LOCALAPPDATA%\\slack\\Update.exe',
        '"%LOCALAPPDATA%\\slack\\Update.exe" --update https://downloads.slack-edge.com/desktop-releases/windows/x64/4.36.140',
      ),
      net('upd', '18.66.102.31', 443, 'downloads.slack-edge.com'),
      proc(
        'cmd',
        PATHS.cmd,
        'C:\\Windows\\system32\\cmd.exe /c "%LOCALAPPDATA%\\slack\\app-4.36.140\\squirrel-postupdate.cmd"',
        { parent: 'upd' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-patch-mgmt-custom-port',
    title: 'Patch agent fetches updates from its vendor on port 8383',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.vendorCustomPorts],
    steps: [
      proc(
        'upd',
        'C:\\Program Files\\Contoso\\Patch Agent\\updater.exe',
        '"C:\\Program Files\\Contoso\\Patch Agent\\updater.exe" -poll',
      ),
      net('upd', '52.174.26.91', 8383, 'eu1.patch.contoso-updates.com'),
    ],
  },
  {
    ...B,
    id: 'fp-nsis-plugin-unpack',
    title: 'NSIS installer unpacks its plug-in DLLs into %TEMP%\\nsXNNNN.tmp',
    technique: 'T1195.002',
    role: 'workstation',
    falsePositives: [FP.installerUnpack],
    steps: [
      proc('setup', '%USERPROFILE%\\Downloads\\Setup.exe', '"%USERPROFILE%\\Downloads\\Setup.exe"'),
      file('setup', '%TEMP%\\nsb4F2A.tmp\\System.dll'),
      file('setup', '%TEMP%\\nsb4F2A.tmp\\nsDialogs.dll'),
    ],
  },
  {
    ...B,
    id: 'fp-burn-bootstrapper-temp',
    title: 'WiX Burn bundle copies itself to %TEMP%\\{GUID}\\.cr and relaunches',
    technique: 'T1195.002',
    role: 'workstation',
    falsePositives: [FP.bootstrapper],
    steps: [
      proc(
        'bundle',
        '%USERPROFILE%\\Downloads\\ContosoSuite\\setup.exe',
        '"%USERPROFILE%\\Downloads\\ContosoSuite\\setup.exe"',
      ),
      file('bundle', BURN1),
      proc('cr', BURN1, `"${BURN1}" -burn.clean.room="%USERPROFILE%\\Downloads\\ContosoSuite\\setup.exe"`, {
        parent: 'bundle',
      }),
      file('cr', BURN2),
      proc('be', BURN2, `"${BURN2}" -burn.elevated BurnPipe.{A1B2C3D4-E5F6-4789-8ABC-DEF012345678}`, { parent: 'cr' }),
    ],
  },
  {
    ...B,
    id: 'fp-msbuild-postbuild-cmd',
    title: 'MSBuild PostBuildEvent runs through the Exec task (.exec.cmd)',
    technique: 'T1195.002',
    role: 'build',
    falsePositives: [FP.buildScripts],
    steps: [
      proc(
        'msb',
        PATHS.msbuild,
        `"${PATHS.msbuild}" C:\\agent\\_work\\3\\s\\src\\Api\\Api.csproj /t:Build /p:Configuration=Release`,
        { cwd: 'C:\\agent\\_work\\3\\s\\' },
      ),
      proc(
        'cmd',
        PATHS.cmd,
        'C:\\Windows\\system32\\cmd.exe /Q /C %TEMP%\\MSBuildTempdev.build\\tmp3b2f8a1c9d4e4f.exec.cmd',
        { parent: 'msb', cwd: 'C:\\agent\\_work\\3\\s\\src\\Api\\' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-dotnet-build-script',
    title: 'dotnet build on a developer workstation runs the repository eng\\common script',
    technique: 'T1195.002',
    role: 'build',
    falsePositives: [FP.devWorkstations],
    steps: [
      proc('dn', PATHS.dotnet, '"C:\\Program Files\\dotnet\\dotnet.exe" build Contoso.Api.sln', {
        cwd: '%USERPROFILE%\\source\\repos\\Contoso.Api\\',
      }),
      proc(
        'ps',
        PATHS.powershell,
        'powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%USERPROFILE%\\source\\repos\\Contoso.Api\\eng\\common\\tools.ps1" -restore',
        { parent: 'dn', cwd: '%USERPROFILE%\\source\\repos\\Contoso.Api\\' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-ide-extension-powershell',
    title: 'Visual Studio runs an extension install script with PowerShell',
    technique: 'T1195.002',
    role: 'build',
    falsePositives: [FP.ideTooling],
    steps: [
      running('vs', PATHS.devenv, `"${PATHS.devenv}"`),
      proc(
        'ps',
        PATHS.powershell,
        'powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%LOCALAPPDATA%\\Microsoft\\VisualStudio\\17.0_1a2b3c4d\\Extensions\\contoso\\install.ps1"',
        { parent: 'vs' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-rmm-agent-update-cmd',
    title: 'ScreenConnect client service runs its update script with cmd',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.itAgents],
    steps: [
      running(
        'sc',
        `${SC}\\ScreenConnect.ClientService.exe`,
        `"${SC}\\ScreenConnect.ClientService.exe" "?e=Access&y=Guest&h=rmm.contoso.com&p=8041"`,
      ),
      proc('cmd', PATHS.cmd, `cmd.exe /c "${SC}\\update.cmd"`, { parent: 'sc' }),
    ],
  },
  {
    ...B,
    id: 'fp-npm-native-addon-build',
    title: 'npm install builds bcrypt with node-gyp from its install script',
    technique: 'T1195.001',
    role: 'build',
    falsePositives: [FP.nativeAddons],
    steps: [
      proc('npm', PATHS.node, `${NPM} install`, { cwd: '%USERPROFILE%\\source\\repos\\api\\' }),
      proc('hook', PATHS.cmd, 'C:\\Windows\\system32\\cmd.exe /d /s /c "node-gyp rebuild"', {
        parent: 'npm',
        cwd: '%USERPROFILE%\\source\\repos\\api\\node_modules\\bcrypt\\',
      }),
      proc(
        'gyp',
        PATHS.node,
        '"C:\\Program Files\\nodejs\\node.exe" "C:\\Program Files\\nodejs\\node_modules\\npm\\node_modules\\node-gyp\\bin\\node-gyp.js" rebuild',
        { parent: 'hook', cwd: '%USERPROFILE%\\source\\repos\\api\\node_modules\\bcrypt\\' },
      ),
      proc(
        'msb',
        PATHS.msbuild,
        `"${PATHS.msbuild}" build\\binding.sln /clp:Verbosity=minimal /nologo /p:Configuration=Release;Platform=x64`,
        { parent: 'gyp', cwd: '%USERPROFILE%\\source\\repos\\api\\node_modules\\bcrypt\\' },
      ),
    ],
  },
  {
    id: 'fp-pip-native-extension-build',
    title: 'pip builds psutil: setup.py runs gcc through sh',
    kind: 'benign',
    background: true,
    technique: 'T1195.001',
    platform: 'linux',
    role: 'linux',
    falsePositives: [FP.pythonToolchain],
    steps: [
      proc('pip', PATHS.python, 'python3 -m pip install psutil', { cwd: '$HOME/project' }),
      proc('build', PATHS.python, '', {
        parent: 'pip',
        cwd: '/tmp/pip-install-ab12cd34/psutil_1',
        argv: [
          '/usr/bin/python3.11',
          '-u',
          '-c',
          'import sys, setuptools; sys.argv[0] = "/tmp/pip-install-ab12cd34/psutil_1/setup.py"; exec(open(sys.argv[0]).read())',
          'bdist_wheel',
          '-d',
          '/tmp/pip-wheel-9x8y7z6w',
        ],
      }),
      proc('sh', PATHS.dash, '', {
        parent: 'build',
        cwd: '/tmp/pip-install-ab12cd34/psutil_1',
        argv: [
          '/bin/sh',
          '-c',
          'gcc -pthread -Wsign-compare -O2 -fPIC -c psutil/_psutil_common.c -o build/temp.linux-x86_64-cpython-311/psutil/_psutil_common.o',
        ],
      }),
      proc(
        'gcc',
        '/usr/bin/x86_64-linux-gnu-gcc-12',
        'gcc -pthread -Wsign-compare -O2 -fPIC -c psutil/_psutil_common.c -o build/temp.linux-x86_64-cpython-311/psutil/_psutil_common.o',
        { parent: 'sh', cwd: '/tmp/pip-install-ab12cd34/psutil_1' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-orion-maintenance-helpers',
    title: 'Orion business layer runs its nightly database maintenance and PDF export',
    technique: 'T1195.002',
    role: 'server',
    as: 'system',
    falsePositives: [FP.orionHelpers],
    steps: [
      running(
        'blh',
        'C:\\Program Files (x86)\\SolarWinds\\Orion\\SolarWinds.BusinessLayerHost.exe',
        '"C:\\Program Files (x86)\\SolarWinds\\Orion\\SolarWinds.BusinessLayerHost.exe"',
      ),
      proc(
        'maint',
        'C:\\Program Files (x86)\\SolarWinds\\Orion\\Database-Maint.exe',
        '"C:\\Program Files (x86)\\SolarWinds\\Orion\\Database-Maint.exe" -Auto',
        { parent: 'blh' },
      ),
      proc(
        'pdf',
        'C:\\Program Files (x86)\\SolarWinds\\Orion\\ExportToPDFCmd.Exe',
        '"C:\\Program Files (x86)\\SolarWinds\\Orion\\ExportToPDFCmd.Exe" -report 42',
        { parent: 'blh' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-3cx-electron-helpers',
    title: '3CX DesktopApp starts its GPU and renderer helpers and checks for updates',
    technique: 'T1195.002',
    role: 'workstation',
    falsePositives: [FP.threeCxHelpers],
    steps: [
      proc(
        'app',
        '%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe',
        '"%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe"',
      ),
      proc(
        'gpu',
        '%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe',
        '"%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe" --type=gpu-process --gpu-preferences=UAAAAAAAAADgAAAYAAAAAAAAAAAAAAAAAABgAAAAAAAwAAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAA',
        { parent: 'app' },
      ),
      proc(
        'rend',
        '%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe',
        '"%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe" --type=renderer --app-path="%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\resources\\app.asar"',
        { parent: 'app' },
      ),
      proc(
        'upd',
        '%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\Update.exe',
        '"%LOCALAPPDATA%\\Programs\\3CXDesktopApp\\Update.exe" --checkForUpdate https://downloads-global.3cx.com/downloads/electron/windows',
        { parent: 'app' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-ccleaner-own-components',
    title: 'CCleaner starts its updater and opens release notes in Edge',
    technique: 'T1195.002',
    role: 'workstation',
    falsePositives: [FP.ccleanerOwn],
    steps: [
      proc('cc', 'C:\\Program Files\\CCleaner\\CCleaner64.exe', '"C:\\Program Files\\CCleaner\\CCleaner64.exe"'),
      proc('upd', 'C:\\Program Files\\CCleaner\\CCUpdate.exe', '"C:\\Program Files\\CCleaner\\CCUpdate.exe" /check', {
        parent: 'cc',
      }),
      proc(
        'edge',
        'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
        '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" https://www.ccleaner.com/ccleaner/release-notes',
        { parent: 'cc' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-medoc-own-modules',
    title: 'M.E.Doc opens a PDF report in Acrobat Reader',
    technique: 'T1195.002',
    role: 'workstation',
    falsePositives: [FP.medocOwn],
    steps: [
      proc('medoc', 'C:\\ProgramData\\Medoc\\Medoc\\ezvit.exe', '"C:\\ProgramData\\Medoc\\Medoc\\ezvit.exe"'),
      proc(
        'pdf',
        'C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\AcroRd32.exe',
        '"C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\AcroRd32.exe" "C:\\ProgramData\\Medoc\\Reports\\J0200119.pdf"',
        { parent: 'medoc' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-legit-inplace-update',
    title: 'Notepad++ updated in place from 8.6.2 to 8.6.4 (new version, new hash)',
    technique: 'T1195.002',
    role: 'workstation',
    falsePositives: [FP.inPlaceUpdate],
    steps: [
      proc('v1', 'C:\\Program Files\\Notepad++\\notepad++.exe', '"C:\\Program Files\\Notepad++\\notepad++.exe"', {
        meta: npp('8.6.2'),
      }),
      proc(
        'gup',
        'C:\\Program Files\\Notepad++\\updater\\GUP.exe',
        '"C:\\Program Files\\Notepad++\\updater\\GUP.exe" -v8.6.2',
        { parent: 'v1' },
      ),
      file('gup', 'C:\\Program Files\\Notepad++\\notepad++.exe', 120_000),
      proc('v2', 'C:\\Program Files\\Notepad++\\notepad++.exe', '"C:\\Program Files\\Notepad++\\notepad++.exe"', {
        meta: npp('8.6.4'),
        after: 3_600_000,
      }),
    ],
  },
  {
    ...B,
    id: 'fp-sccm-compliance-hash',
    title: 'Configuration Manager compliance baseline hashes an installed agent',
    technique: 'T1195.002',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.complianceHashing],
    steps: [
      running('ccm', PATHS.ccmexec, 'C:\\Windows\\CCM\\CcmExec.exe'),
      proc(
        'ps',
        PATHS.powershell,
        'powershell.exe -NoLogo -NonInteractive -ExecutionPolicy Bypass -Command "Get-FileHash \'C:\\Program Files\\Contoso\\Endpoint Agent\\agent.exe\' -Algorithm SHA256"',
        { parent: 'ccm' },
      ),
    ],
  },
  {
    ...B,
    id: 'fp-oem-bios-update',
    title: 'Dell Command | Update applies an Intel ME firmware update',
    technique: 'T1195.003',
    role: 'workstation',
    as: 'system',
    falsePositives: [FP.oemFirmware],
    steps: [
      proc(
        'dcu',
        'C:\\Program Files\\Dell\\CommandUpdate\\dcu-cli.exe',
        '"C:\\Program Files\\Dell\\CommandUpdate\\dcu-cli.exe" /applyUpdates -silent',
      ),
      proc(
        'fw',
        'C:\\ProgramData\\Dell\\UpdateService\\Temp\\ME_FW\\FWUpdLcl64.exe',
        '"C:\\ProgramData\\Dell\\UpdateService\\Temp\\ME_FW\\FWUpdLcl64.exe" -f ME_Update.bin -allowsv',
        { parent: 'dcu' },
      ),
    ],
  },
];

function npp(version: string) {
  return {
    company: 'Don HO don.h@free.fr',
    product: 'Notepad++',
    description: 'Notepad++',
    version,
    originalFileName: 'notepad++.exe',
  };
}
