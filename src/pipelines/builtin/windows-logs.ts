/**
 * Facts about Windows event logs that every Windows pipeline shares: the Sysmon channel and the event ids of
 * each Sigma category (Sigma's windows logsource table), the categories other channels serve, and the
 * channel of each Sigma Windows service. One table, so pipelines cannot drift apart.
 */

/** The Sysmon channel. */
export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

/** Sigma Windows category -> Sysmon event id(s) (Sigma's windows logsource table). */
export const SYSMON_EVENT_IDS: Readonly<Record<string, number | readonly number[]>> = {
  process_creation: 1,
  file_change: 2,
  network_connection: 3,
  sysmon_status: [4, 16],
  process_termination: 5,
  driver_load: 6,
  image_load: 7,
  create_remote_thread: 8,
  raw_access_thread: 9,
  process_access: 10,
  file_event: 11,
  registry_add: 12,
  registry_delete: 12,
  registry_set: 13,
  registry_rename: 14,
  registry_event: [12, 13, 14],
  create_stream_hash: 15,
  pipe_created: [17, 18],
  wmi_event: [19, 20, 21],
  dns_query: 22,
  file_delete: [23, 26],
  clipboard_capture: 24,
  process_tampering: 25,
  file_delete_detected: 26,
  file_block_executable: 27,
  file_block_shredding: 28,
  file_executable_detected: 29,
  sysmon_error: 255,
};

/** Sigma Windows categories served by other channels than Sysmon: channel and event id(s). */
export const WINDOWS_CATEGORY_EVENTS: Readonly<Record<string, { channel: string; ids: number | readonly number[] }>> = {
  ps_script: { channel: 'Microsoft-Windows-PowerShell/Operational', ids: 4104 },
  ps_module: { channel: 'Microsoft-Windows-PowerShell/Operational', ids: 4103 },
  ps_classic_start: { channel: 'Windows PowerShell', ids: 400 },
  ps_classic_provider_start: { channel: 'Windows PowerShell', ids: 600 },
  ps_classic_script: { channel: 'Windows PowerShell', ids: 800 },
};

/** Sigma Windows service -> event log channel (Sigma's windows logsource table). */
export const WINDOWS_CHANNELS: Readonly<Record<string, string>> = {
  security: 'Security',
  system: 'System',
  application: 'Application',
  sysmon: SYSMON_CHANNEL,
  powershell: 'Microsoft-Windows-PowerShell/Operational',
  'powershell-classic': 'Windows PowerShell',
  taskscheduler: 'Microsoft-Windows-TaskScheduler/Operational',
  wmi: 'Microsoft-Windows-WMI-Activity/Operational',
  windefend: 'Microsoft-Windows-Windows Defender/Operational',
  'dns-server': 'DNS Server',
  'driver-framework': 'Microsoft-Windows-DriverFrameworks-UserMode/Operational',
  ntlm: 'Microsoft-Windows-NTLM/Operational',
  'bits-client': 'Microsoft-Windows-Bits-Client/Operational',
  'firewall-as': 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall',
  'codeintegrity-operational': 'Microsoft-Windows-CodeIntegrity/Operational',
  'appxdeployment-server': 'Microsoft-Windows-AppXDeploymentServer/Operational',
  'dns-client': 'Microsoft-Windows-DNS Client Events/Operational',
  'msexchange-management': 'MSExchange Management',
  'terminalservices-localsessionmanager': 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational',
  'smbclient-security': 'Microsoft-Windows-SmbClient/Security',
  applocker: 'Microsoft-Windows-AppLocker/EXE and DLL',
  'printservice-admin': 'Microsoft-Windows-PrintService/Admin',
  'printservice-operational': 'Microsoft-Windows-PrintService/Operational',
  openssh: 'OpenSSH/Operational',
  ldap_debug: 'Microsoft-Windows-LDAP-Client/Debug',
  capi2: 'Microsoft-Windows-CAPI2/Operational',
  'iis-configuration': 'Microsoft-IIS-Configuration/Operational',
  'certificateservicesclient-lifecycle-system':
    'Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational',
};

/** Sysmon event 12 serves both registry_add and registry_delete; EventType tells them apart. */
export const SYSMON_EVENT_TYPES: Readonly<Record<string, string | readonly string[]>> = {
  registry_add: 'CreateKey',
  registry_delete: ['DeleteKey', 'DeleteValue'],
};

/** Security 4688 (a process has been created) field names for Sigma's process_creation fields. */
export const PROCESS_4688 = {
  Image: 'NewProcessName',
  ParentImage: 'ParentProcessName',
  CommandLine: 'CommandLine',
  ProcessId: 'NewProcessId',
  ParentProcessId: 'ProcessId',
  User: 'TargetUserName',
  LogonId: 'TargetLogonId',
  IntegrityLevel: 'MandatoryLabel',
} as const;
