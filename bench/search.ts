// Benchmark of search against the 100,000-device tenant: for searches by UPN, serial number and name prefix,
// the console's time from request to JSON answer (GET /api/devices) beside the same Graph query sent straight
// to the emulator, the ratio, and bytes per result row. Needs a build (`npm run build`); run with
// `npm run bench:search`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_CLIENT_ID, TENANT_ID } from '../emulator/constants';
import { ms, signInOverHttp, startEmulator, summary } from './lib';
import { Figures } from './support/figures';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const USERS = Number(process.env.BENCH_USERS ?? 30_000);
const EMULATOR_PORT = 4981;
const CONSOLE_PORT = 3981;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const LIST_FIELDS =
  'id,deviceName,userId,userPrincipalName,userDisplayName,emailAddress,operatingSystem,osVersion,managementAgent,model,manufacturer,serialNumber,imei,managedDeviceOwnerType,complianceState,lastSyncDateTime';

async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function time(
  url: string,
  token: string,
): Promise<{ ms: number; bytes: number; rows: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const elapsed = performance.now() - started;
  if (!res.ok) throw new Error(`${res.status} ${url}: ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { value?: unknown[]; devices?: unknown[] };
  return {
    ms: elapsed,
    bytes: Buffer.byteLength(text),
    rows: (body.value ?? body.devices ?? []).length,
  };
}

async function main() {
  if (!existsSync('.next/standalone/server.js')) throw new Error('Run `npm run build` first.');
  const figures = new Figures('search');
  console.log(
    `Search benchmark: ${DEVICES} devices, ${RUNS} requests per case, Node ${process.version}, ${new Date().toISOString()}`,
  );
  const emu = await startEmulator(EMULATOR_PORT, [
    '--devices',
    String(DEVICES),
    '--users',
    String(USERS),
  ]);
  const app = spawn(process.execPath, ['.next/standalone/server.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(CONSOLE_PORT),
      HOSTNAME: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_CLIENT_ID: DEMO_CLIENT_ID,
      AUTH_TENANT_ID: TENANT_ID,
      AUTH_AUTHORITY: `https://localhost:${EMULATOR_PORT}`,
      AUTH_ENDPOINTS_ORIGIN: emu.origin,
      GRAPH_BASE_URL: emu.origin,
    },
  });
  try {
    await waitFor(`http://127.0.0.1:${CONSOLE_PORT}/redirect`);
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
    // A device near the end of the tenant, so that a scan would have to read almost everything.
    const probe = (await (
      await fetch(
        `${emu.origin}/v1.0/deviceManagement/managedDevices?$top=1&$select=serialNumber,userPrincipalName,deviceName&$skiptoken=v1.${Buffer.from(JSON.stringify({ o: DEVICES - 10 })).toString('base64url')}`,
        { headers: { authorization: `Bearer ${token}` } },
      )
    ).json()) as { value: { serialNumber: string; userPrincipalName: string }[] };
    const target = probe.value[0];
    if (!target) throw new Error('no probe device');
    const graph = (path: string, filter?: string) =>
      `${emu.origin}/v1.0${path}?$select=${LIST_FIELDS}&$top=100${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`;
    const cases: { label: string; console: string; graph: string }[] = [
      {
        label: 'UPN',
        console: `?q=${encodeURIComponent(target.userPrincipalName)}`,
        graph: graph(`/users/${encodeURIComponent(target.userPrincipalName)}/managedDevices`),
      },
      {
        label: 'serial',
        console: `?q=${target.serialNumber}`,
        graph: graph(
          '/deviceManagement/managedDevices',
          `serialNumber eq '${target.serialNumber}'`,
        ),
      },
      // The console sends two Graph requests for a name (device name and UPN stem), in parallel; the direct
      // figure is the device-name request alone.
      {
        label: 'name prefix "Zo"',
        console: '?q=Zo',
        graph: graph('/deviceManagement/managedDevices', "startswith(deviceName,'Zo')"),
      },
    ];
    console.log(
      '| search | console median | console p95 | Graph median | Graph p95 | ratio (median) | rows | bytes/row console | bytes/row Graph |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const c of cases) {
      const consoleUrl = `http://127.0.0.1:${CONSOLE_PORT}/api/devices${c.console}`;
      await time(consoleUrl, token);
      await time(c.graph, token);
      const viaConsole: number[] = [];
      const direct: number[] = [];
      let last = { console: { bytes: 0, rows: 0 }, graph: { bytes: 0, rows: 0 } };
      for (let i = 0; i < RUNS; i++) {
        const a = await time(consoleUrl, token);
        const b = await time(c.graph, token);
        viaConsole.push(a.ms);
        direct.push(b.ms);
        last = { console: a, graph: b };
      }
      const sc = summary(viaConsole);
      const sg = summary(direct);
      const perRow = (x: { bytes: number; rows: number }) =>
        x.rows ? Math.round(x.bytes / x.rows) : 0;
      console.log(
        `| ${c.label} | ${ms(sc.median)} | ${ms(sc.p95)} | ${ms(sg.median)} | ${ms(sg.p95)} | ${(sc.median / sg.median).toFixed(2)} | ${last.console.rows} | ${perRow(last.console)} | ${perRow(last.graph)} |`,
      );
      figures.push({
        id: `search.${c.label.split(' ')[0]}`,
        label: `Search by ${c.label}, ${DEVICES.toLocaleString('en')} devices: console ÷ direct Graph, median`,
        value: sc.median / sg.median,
        unit: 'ratio',
        baseline: `direct Graph median ${ms(sg.median)}, p95 ${ms(sg.p95)}`,
        detail: `console median ${ms(sc.median)}, p95 ${ms(sc.p95)}; ${last.console.rows} rows; bytes/row console ${perRow(last.console)}, Graph ${perRow(last.graph)}; n=${sc.n}`,
      });
    }
  } finally {
    app.kill('SIGTERM');
    await emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
