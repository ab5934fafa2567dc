/**
 * Windows log source tables: Channel -> Sigma service, (service, EventID) -> Sigma category.
 * Taken from the Sigma taxonomy appendix (sigma-appendix-taxonomy.md, "Windows Folder") and pySigma's
 * windows pipeline; Security 4688 as process_creation follows the pySigma windows audit pipeline.
 */
import type { FieldValue } from './event.js';

/** Sigma `service` for each Windows event channel (keys lower-cased). */
export const CHANNEL_SERVICES: Readonly<Record<string, string>> = Object.freeze({
  application: 'application',
  'microsoft-windows-application-experience/program-telemetry': 'application-experience',
  'microsoft-windows-application-experience/program-compatibility-assistant': 'application-experience',
  'microsoft-windows-applocker/msi and script': 'applocker',
  'microsoft-windows-applocker/exe and dll': 'applocker',
  'microsoft-windows-applocker/packaged app-deployment': 'applocker',
  'microsoft-windows-applocker/packaged app-execution': 'applocker',
  'microsoft-windows-appmodel-runtime/admin': 'appmodel-runtime',
  'microsoft-windows-appxdeploymentserver/operational': 'appxdeployment-server',
  'microsoft-windows-appxpackaging/operational': 'appxpackaging-om',
  'microsoft-windows-bitlocker/bitlocker management': 'bitlocker',
  'microsoft-windows-bits-client/operational': 'bits-client',
  'microsoft-windows-capi2/operational': 'capi2',
  'microsoft-windows-certificateservicesclient-lifecycle-system/operational':
    'certificateservicesclient-lifecycle-system',
  'microsoft-windows-codeintegrity/operational': 'codeintegrity-operational',
  'microsoft-windows-dhcp-server/operational': 'dhcp',
  'microsoft-windows-diagnosis-scripted/operational': 'diagnosis-scripted',
  'microsoft-windows-dns client events/operational': 'dns-client',
  'dns server': 'dns-server',
  'microsoft-windows-dns-server/analytical': 'dns-server-analytic',
  'microsoft-windows-dns-server/audit': 'dns-server-audit',
  'microsoft-windows-driverframeworks-usermode/operational': 'driver-framework',
  'microsoft-windows-windows firewall with advanced security/firewall': 'firewall-as',
  'microsoft-windows-hyper-v-worker': 'hyper-v-worker',
  'microsoft-iis-configuration/operational': 'iis-configuration',
  'microsoft-windows-kernel-eventtracing': 'kernel-event-tracing',
  'microsoft-windows-kernel-shimengine/operational': 'kernel-shimengine',
  'microsoft-windows-kernel-shimengine/diagnostic': 'kernel-shimengine',
  'microsoft-windows-ldap-client/debug': 'ldap',
  'microsoft-windows-lsa/operational': 'lsa-server',
  'msexchange management': 'msexchange-management',
  'microsoft-windows-ntfs/operational': 'ntfs',
  'microsoft-windows-ntlm/operational': 'ntlm',
  'openssh/operational': 'openssh',
  'microsoft-windows-powershell/operational': 'powershell',
  'powershellcore/operational': 'powershell',
  'windows powershell': 'powershell-classic',
  'microsoft-windows-printservice/admin': 'printservice-admin',
  'microsoft-windows-printservice/operational': 'printservice-operational',
  security: 'security',
  'microsoft-windows-security-mitigations/kernel mode': 'security-mitigations',
  'microsoft-windows-security-mitigations/user mode': 'security-mitigations',
  'microsoft-windows-sense/operational': 'sense',
  'microsoft-servicebus-client/operational': 'servicebus-client',
  'microsoft-servicebus-client/admin': 'servicebus-client',
  'microsoft-windows-shell-core/operational': 'shell-core',
  'microsoft-windows-smbclient/security': 'smbclient-security',
  'microsoft-windows-sysmon/operational': 'sysmon',
  system: 'system',
  'microsoft-windows-taskscheduler/operational': 'taskscheduler',
  'microsoft-windows-terminalservices-localsessionmanager/operational': 'terminalservices-localsessionmanager',
  'microsoft-windows-vhdmp/operational': 'vhdmp',
  'microsoft-windows-windows defender/operational': 'windefend',
  'microsoft-windows-wmi-activity/operational': 'wmi',
});

/** Sysmon EventID -> Sigma category (EventID 12 is refined by EventType, see windowsCategory). */
export const SYSMON_CATEGORIES: Readonly<Record<number, string>> = Object.freeze({
  1: 'process_creation',
  2: 'file_change',
  3: 'network_connection',
  4: 'sysmon_status',
  5: 'process_termination',
  6: 'driver_load',
  7: 'image_load',
  8: 'create_remote_thread',
  9: 'raw_access_thread',
  10: 'process_access',
  11: 'file_event',
  12: 'registry_add',
  13: 'registry_set',
  14: 'registry_rename',
  15: 'create_stream_hash',
  16: 'sysmon_status',
  17: 'pipe_created',
  18: 'pipe_created',
  19: 'wmi_event',
  20: 'wmi_event',
  21: 'wmi_event',
  22: 'dns_query',
  23: 'file_delete',
  24: 'clipboard_capture',
  25: 'process_tampering',
  26: 'file_delete_detected',
  27: 'file_block_executable',
  28: 'file_block_shredding',
  29: 'file_executable_detected',
  255: 'sysmon_error',
});

/** Categories of other services, keyed `service:EventID`. */
const SERVICE_CATEGORIES: Readonly<Record<string, string>> = Object.freeze({
  'security:4688': 'process_creation',
  'powershell:4103': 'ps_module',
  'powershell:4104': 'ps_script',
  'powershell-classic:400': 'ps_classic_start',
  'powershell-classic:600': 'ps_classic_provider_start',
  'powershell-classic:800': 'ps_classic_script',
});

/**
 * Umbrella categories: an event of the key category also matches rules written for these.
 * Sigma's registry_event covers Sysmon 12/13/14; file_delete rules are written for 23 and 26 alike.
 */
export const CATEGORY_PARENTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  registry_add: ['registry_event'],
  registry_delete: ['registry_event'],
  registry_set: ['registry_event'],
  registry_rename: ['registry_event'],
  file_delete_detected: ['file_delete'],
});

/** The Sigma service of a channel, if the taxonomy names one. */
export function channelService(channel: string | undefined): string | undefined {
  if (channel === undefined) return undefined;
  return COMMON_CHANNELS.get(channel) ?? CHANNEL_SERVICES[channel.toLowerCase()];
}

/** The usual spellings of the busiest channels, looked up without lower-casing first. */
const COMMON_CHANNELS: ReadonlyMap<string, string> = new Map(
  [
    'Security',
    'System',
    'Application',
    'Microsoft-Windows-Sysmon/Operational',
    'Microsoft-Windows-PowerShell/Operational',
    'Windows PowerShell',
  ].map((c) => [c, CHANNEL_SERVICES[c.toLowerCase()]]),
);

/** The Sigma category of a Windows event from its service, EventID and (for Sysmon 12) EventType. */
export function windowsCategory(
  service: string | undefined,
  eventId: number | undefined,
  eventType: FieldValue | undefined,
): string | undefined {
  if (eventId === undefined || service === undefined) return undefined;
  if (service === 'sysmon') {
    if (eventId === 12 && typeof eventType === 'string' && /^delete/i.test(eventType)) return 'registry_delete';
    return SYSMON_CATEGORIES[eventId];
  }
  return SERVICE_CATEGORIES[`${service}:${eventId}`];
}

/** Every category an event answers to: its own plus umbrella ones (registry_set -> registry_event too). */
export function eventCategories(category: string | undefined): readonly string[] {
  if (category === undefined) return [];
  return [category, ...(CATEGORY_PARENTS[category] ?? [])];
}
