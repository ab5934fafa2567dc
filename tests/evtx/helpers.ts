/** Shared test helpers: where the sample corpus is, an independent record counter, and synthetic events. */

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvtxJson } from '../../src/sources/evtx/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The EVTX sample corpus, beside the repository (../shared/samples/evtx). */
export const samplesDir = resolve(repoRoot, '../shared/samples/evtx');
/** True when the sample corpus is present. */
export const haveSamples = existsSync(samplesDir);
/** True when libevtx's evtxexport is installed (Debian package libevtx-utils). */
export const haveEvtxexport = spawnSync('evtxexport', ['-V'], { encoding: 'utf8' }).status === 0;

/** Every .evtx file under a directory, sorted. */
export function listEvtx(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listEvtx(path));
    else if (entry.endsWith('.evtx')) out.push(path);
  }
  return out;
}

/** Counts records by walking record headers only (magic, size, trailing size copy), independent of the parser. */
export function countRecordHeaders(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let chunk = 4096; chunk + 512 <= bytes.length; chunk += 65536) {
    if (Buffer.from(bytes.subarray(chunk, chunk + 8)).toString('latin1') !== 'ElfChnk\0') continue;
    const end = chunk + view.getUint32(chunk + 48, true);
    let off = chunk + 512;
    while (off + 28 <= end && view.getUint32(off, true) === 0x2a2a) {
      const size = view.getUint32(off + 4, true);
      if (size < 28 || off + size > end || view.getUint32(off + size - 4, true) !== size) break;
      count++;
      off += size;
    }
  }
  return count;
}

/** Runs evtxexport in XML mode and returns its output. */
export function evtxexportXml(path: string): string {
  return spawnSync('evtxexport', ['-f', 'xml', path], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
}

/** A Security 4688-style event with the given record id and command line. */
export function processEvent(id: number, commandLine: string): EvtxJson {
  return {
    Event: {
      '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
      System: {
        Provider: {
          '#attributes': {
            Name: 'Microsoft-Windows-Security-Auditing',
            Guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
          },
        },
        EventID: 4688,
        Version: 2,
        Level: 0,
        Task: 13312,
        Opcode: 0,
        Keywords: '0x8020000000000000',
        TimeCreated: { '#attributes': { SystemTime: '2021-10-19T14:45:18.1829186Z' } },
        EventRecordID: id,
        Correlation: null,
        Execution: { '#attributes': { ProcessID: 4, ThreadID: 2880 } },
        Channel: 'Security',
        Computer: 'FS03.offsec.lan',
        Security: null,
      },
      EventData: {
        SubjectUserSid: 'S-1-5-21-4230534742-2542757381-3142984815-1111',
        SubjectUserName: 'admmig',
        SubjectLogonId: '0x1f4c65f',
        NewProcessName: 'C:\\Windows\\System32\\net.exe',
        CommandLine: commandLine,
        TargetUserSid: 'S-1-0-0',
      },
    },
  };
}
