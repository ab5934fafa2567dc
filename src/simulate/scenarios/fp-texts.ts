/**
 * The `falsepositives` entries of the T1195 pack, verbatim, so benign scenarios can name the entry they exercise.
 * tests/content checks that each rule's entries and these texts agree.
 */
export const FP = {
  updaterPostInstall:
    'Legitimate software updaters that use PowerShell or cmd.exe as part of their post-install configuration (e.g., some enterprise software uses PowerShell for environment setup after MSI installation)',
  provisioningTools:
    'IT provisioning tools (SCCM, Intune, Chocolatey) that install software via msiexec.exe and then run PowerShell configuration scripts as part of normal deployment workflows',
  vendorCustomPorts:
    'Software vendors using non-standard ports for update delivery (e.g., some enterprise patch management solutions use custom ports for update traffic)',
  installerUnpack:
    'Installers that unpack their own plug-in DLLs or helper executables into a private Temp subfolder (NSIS nsXXXX.tmp, Inno Setup is-XXXXX.tmp, WiX Burn {GUID}\\.cr and .be)',
  buildScripts:
    'Build systems that invoke utility scripts via cmd.exe or PowerShell during compilation steps — common in CI/CD pipelines where MSBuild calls post-build scripts',
  devWorkstations:
    'Development workstations where build tools (devenv.exe, dotnet.exe) regularly invoke scripts during local builds',
  legacyInstallers:
    'Legitimate software installers (especially older or enterprise software) that invoke cmd.exe or PowerShell as part of post-install configuration scripts or service registration',
  deploymentPlatforms:
    'Software deployment platforms (SCCM, Intune, PDQ Deploy) that use msiexec.exe or setup.exe as wrappers that legitimately spawn PowerShell for configuration',
  electronSquirrel:
    'Electron-based applications (VSCode, Slack, Teams) whose squirrel.exe updater spawns cmd.exe for delta patching operations',
  ideTooling:
    'Development environment tools (Visual Studio, JetBrains, Eclipse) that run PowerShell or scripts as part of extension installation or project scaffolding',
  itAgents:
    'Third-party IT management agents (SolarWinds, ConnectWise, Kaseya) whose update mechanisms spawn child processes by design',
  bootstrapper:
    'Installer bootstrappers (WiX Burn, Inno Setup) that copy themselves into a private Temp subfolder and relaunch from there',
  nativeAddons:
    'Packages whose install scripts build native add-ons or fetch prebuilt binaries through cmd.exe (node-gyp, node-pre-gyp, prebuild-install)',
  pythonToolchain:
    "Source distributions whose setup.py probes the toolchain or platform through a shell while building native extensions (sh -c 'gcc ...', pkg-config, uname -m)",
  orionHelpers:
    "Orion's own maintenance helpers (Database-Maint.exe, APMServiceControl.exe, ExportToPDFCmd.Exe, WerFault.exe) — excluded in the rule; new Orion modules may add more",
  threeCxHelpers:
    '3CXDesktopApp starting its own Electron renderer/GPU helper processes and its Squirrel Update.exe — excluded in the rule',
  ccleanerOwn:
    'CCleaner starting its own components (CCleaner64.exe, CCUpdate.exe, uninst.exe) or the default browser for release notes — not in the child list',
  medocOwn:
    'M.E.Doc launching its own modules and report viewers (e.g. AcroRd32.exe, its updater) — not in the child list',
  inPlaceUpdate:
    'Legitimate in-place updates that replace a binary at the same path (the new build carries a new file version, so the version grouping keeps them apart)',
  complianceHashing: 'Configuration Manager compliance baselines that hash installed binaries on a schedule',
  oemFirmware:
    'OEM BIOS/firmware updates pushed by Dell Command | Update, Lenovo System Update / Vantage or HP Image Assistant',
} as const;
