// Benchmark of the emulator with a 100,000-device tenant: start-up time, its memory (resident set after start-up,
// and its peak after a full paged read), and latency of a filtered first page and of a full paged read, over HTTP
// from a second process. Run with `npm run bench:emulator`.
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { ms, signInOverHttp, startEmulator, summary } from './lib';
import { Figures } from './support/figures';
import { memoryOf, workerOf } from './support/procfs';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const USERS = Number(process.env.BENCH_USERS ?? 30_000);
const PORT = Number(process.env.BENCH_PORT ?? 4980);
const STARTS = 3;
const FIRST_PAGE_RUNS = 200;
const FULL_READS = 5;
const LIST_FIELDS =
  'id,deviceName,userPrincipalName,userDisplayName,operatingSystem,osVersion,model,manufacturer,serialNumber,complianceState,lastSyncDateTime';

const mb = (kb: number) => kb / 1024;

async function main() {
  const figures = new Figures('emulator');
  console.log(
    `Emulator benchmark: ${DEVICES} devices, ${USERS} users, Node ${process.version}, ${new Date().toISOString()}`,
  );
  const startups: number[] = [];
  const startRss: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const emu = await startEmulator(PORT, ['--devices', String(DEVICES), '--users', String(USERS)]);
    startups.push(emu.startupMs);
    // `tsx` runs the emulator in a child node process: that one holds the tenant.
    startRss.push(memoryOf(workerOf(emu.process.pid ?? -1))?.rssKb ?? NaN);
    await emu.stop();
  }
  const s = summary(startups);
  const r0 = summary(startRss);
  console.log(
    `start-up (spawn to first healthy answer), ${s.n} runs: median ${ms(s.median)}, max ${ms(s.max)}; resident set after start-up median ${mb(r0.median).toFixed(0)} MB`,
  );
  figures.push({
    id: 'emulator.startup',
    label: `Emulator start-up, ${DEVICES.toLocaleString('en')} devices, spawn to healthy (median of ${s.n})`,
    value: s.median / 1000,
    unit: 's',
    detail: `runs ${startups.map((x) => (x / 1000).toFixed(2)).join(', ')} s`,
  });
  figures.push({
    id: 'emulator.rss',
    label: `Emulator resident set after start-up, ${DEVICES.toLocaleString('en')} devices (median of ${s.n})`,
    value: mb(r0.median),
    unit: 'MB',
    detail: `VmRSS of the emulator's node process; runs ${startRss.map((x) => mb(x).toFixed(0)).join(', ')} MB`,
  });

  const emu = await startEmulator(PORT, ['--devices', String(DEVICES), '--users', String(USERS)]);
  try {
    // Throttling would stop a benchmark that sends more than Intune allows in 20 s; it is measured elsewhere.
    await fetch(`${emu.origin}/_emulator/throttling`, {
      method: 'PUT',
      body: JSON.stringify({ enabled: false }),
      headers: { 'content-type': 'application/json' },
    });
    const { access_token: token } = await signInOverHttp(
      emu.origin,
      DEMO_ACCOUNTS.admin,
      'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All',
    );
    const get = async (url: string) => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${res.status} for ${url}`);
      return (await res.json()) as { value: unknown[]; '@odata.nextLink'?: string };
    };
    const devices = await get(
      `${emu.origin}/v1.0/deviceManagement/managedDevices?$top=1000&$select=serialNumber,userPrincipalName&$skiptoken=v1.${Buffer.from('{"o":70000}').toString('base64url')}`,
    );
    const sample = devices.value[500] as { serialNumber: string; userPrincipalName: string };

    const queries: [string, string][] = [
      ['name prefix (startswith, quirk: contains)', "startswith(deviceName,'Zo')"],
      ['UPN (eq)', `userPrincipalName eq '${sample.userPrincipalName}'`],
      [
        'serial number (eq, near the end of the tenant)',
        `serialNumber eq '${sample.serialNumber}'`,
      ],
    ];
    for (const [label, filter] of queries) {
      const url = `${emu.origin}/v1.0/deviceManagement/managedDevices?$filter=${encodeURIComponent(filter)}&$top=100&$select=${LIST_FIELDS}`;
      await get(url); // warm-up
      const t: number[] = [];
      for (let i = 0; i < FIRST_PAGE_RUNS; i++) {
        const started = performance.now();
        await get(url);
        t.push(performance.now() - started);
      }
      const r = summary(t);
      console.log(
        `filtered first page, ${label}: median ${ms(r.median)}, p95 ${ms(r.p95)} (${r.n} requests)`,
      );
      figures.push({
        id: `emulator.firstPage.${label.split(' ')[0]}`,
        label: `Emulator filtered first page, ${label}, median`,
        value: r.median,
        unit: 'ms',
        detail: `p95 ${ms(r.p95)}, n=${r.n}`,
      });
    }

    const reads: number[] = [];
    const pages: number[] = [];
    for (let i = 0; i < FULL_READS; i++) {
      let next: string | undefined =
        `${emu.origin}/v1.0/deviceManagement/managedDevices?$select=${LIST_FIELDS}`;
      let count = 0;
      const started = performance.now();
      while (next) {
        const p0 = performance.now();
        const body = await get(next);
        pages.push(performance.now() - p0);
        count += body.value.length;
        next = body['@odata.nextLink'];
      }
      reads.push(performance.now() - started);
      if (count !== DEVICES) throw new Error(`full read counted ${count}, expected ${DEVICES}`);
    }
    const r = summary(reads);
    const p = summary(pages);
    console.log(
      `full paged read of ${DEVICES} devices (pages of 1000): median ${ms(r.median)}, p95 ${ms(r.p95)} (${r.n} reads); per page median ${ms(p.median)}, p95 ${ms(p.p95)}`,
    );
    figures.push({
      id: 'emulator.fullRead',
      label: `Emulator full paged read, ${DEVICES.toLocaleString('en')} devices, median of ${r.n}`,
      value: r.median / 1000,
      unit: 's',
      detail: `p95 ${ms(r.p95)}; per page median ${ms(p.median)}`,
    });
    const peak = memoryOf(workerOf(emu.process.pid ?? -1));
    console.log(
      `emulator peak resident set (VmHWM) after the reads: ${peak ? mb(peak.hwmKb).toFixed(0) : 'n/a'} MB`,
    );
    figures.push({
      id: 'emulator.peakRss',
      label: 'Emulator peak resident set (VmHWM) after the queries and full reads',
      value: peak ? mb(peak.hwmKb) : null,
      unit: 'MB',
    });
  } finally {
    await emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
