// First-load JavaScript per page, gzipped, as Chromium loads it: the device list (/) and a device page
// (/devices/{id}), each opened afresh (HTTP cache off) by a signed-in helpdesk agent. Every script the page
// fetched until it was idle (its content shown, no request for 500 ms, then an idle callback) is compressed with
// zlib gzip level 9 and summed: the console sends its scripts uncompressed, so transfer sizes would not say what a
// compressing proxy would send. Beside it, the same figure from the build's own chunk lists
// (scripts/size-budget.mjs), and the biggest chunks and npm packages. Needs `npm run build`; `npm run bench:size`.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { startEmulator } from './lib';
import { launchChromium, redirectUrisOf, signInInBrowser } from './support/browser';
import { startConsole } from './support/console-server';
import { emulatorControl } from './support/emulator-control';
import { Figures, fmt } from './support/figures';

const EMULATOR_PORT = 4984;
const CONSOLE_PORT = 3985;
const KB = 1024;

interface BudgetReport {
  routes: {
    route: string;
    gzipBytes: number;
    chunks: { file: string; gzip: number }[];
    packages: { name: string; bytes: number; gzipEstimate: number }[] | null;
  }[];
}

/** The build-output figures of scripts/size-budget.mjs (exit 1 only means "over budget": the JSON is still there). */
function fromBuildOutput(): BudgetReport {
  const r = spawnSync(process.execPath, ['scripts/size-budget.mjs', '--json', '--analyze'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`size-budget.mjs exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as BudgetReport;
}

/** Loads `url` in `page` and returns every script response (URL and gzip size) until the page is idle. */
async function scriptsUntilIdle(
  page: Page,
  url: string,
  ready: (p: Page) => Promise<void>,
): Promise<{ url: string; raw: number; gzip: number }[]> {
  const bodies: Promise<{ url: string; raw: number; gzip: number } | null>[] = [];
  let collecting = true;
  const onResponse = (res: import('@playwright/test').Response) => {
    if (!collecting || res.request().resourceType() !== 'script') return;
    bodies.push(
      res.body().then(
        (b) => ({ url: res.url(), raw: b.length, gzip: gzipSync(b, { level: 9 }).length }),
        () => null,
      ),
    );
  };
  page.on('response', onResponse);
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })),
  );
  collecting = false;
  page.off('response', onResponse);
  return (await Promise.all(bodies)).filter(
    (b): b is { url: string; raw: number; gzip: number } => b !== null,
  );
}

async function main() {
  const figures = new Figures('first-load-js');
  const build = fromBuildOutput();
  const consoleOrigin = `http://localhost:${CONSOLE_PORT}`;
  const emu = await startEmulator(EMULATOR_PORT, [], {
    redirectUris: redirectUrisOf(consoleOrigin),
  });
  const app = await startConsole({
    port: CONSOLE_PORT,
    emulatorOrigin: emu.origin,
    emulatorPort: EMULATOR_PORT,
  });
  const browser = await launchChromium();
  try {
    const [device] = await emulatorControl(emu.origin).devices({
      scopeTag: 'EMEA',
      mode: 'iosAutomatedEnrollment',
      limit: '1',
    });
    if (!device) throw new Error('no EMEA device');
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    await signInInBrowser(page, consoleOrigin, DEMO_ACCOUNTS.helpdesk);
    // Every script fetched again for every page, as on a first visit.
    await (
      await page.context().newCDPSession(page)
    ).send('Network.setCacheDisabled', { cacheDisabled: true });
    const pages = [
      {
        route: '/',
        url: `${consoleOrigin}/`,
        ready: (p: Page) => p.getByTestId('device-row').first().waitFor(),
      },
      {
        route: '/devices/[id]',
        url: `${consoleOrigin}/devices/${device.id}`,
        ready: (p: Page) => p.getByText(device.serialNumber).first().waitFor(),
      },
    ];
    for (const p of pages) {
      const scripts = await scriptsUntilIdle(page, p.url, p.ready);
      const gzip = scripts.reduce((n, s) => n + s.gzip, 0);
      const raw = scripts.reduce((n, s) => n + s.raw, 0);
      const fromBuild = build.routes.find((r) => r.route === p.route);
      const top = [...scripts]
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 5)
        .map((s) => `${new URL(s.url).pathname.split('/').pop()} ${(s.gzip / KB).toFixed(1)}`);
      const packages = (fromBuild?.packages ?? [])
        .slice(0, 6)
        .map((x) => `${x.name} ≈${(x.gzipEstimate / KB).toFixed(1)}`);
      console.log(
        `${p.route}: ${scripts.length} scripts, ${(gzip / KB).toFixed(1)} KB gzip (${(raw / KB).toFixed(1)} KB as sent); build output ${fromBuild ? fmt.kb(fromBuild.gzipBytes) : 'n/a'}`,
      );
      console.log(`  biggest chunks (KB gzip): ${top.join(', ')}`);
      console.log(`  biggest packages (KB gzip, estimated by share): ${packages.join(', ')}`);
      figures.push({
        id: `js.firstload.${p.route}`,
        label: `First-load JS, ${p.route} (gzip -9 of scripts loaded until idle, Chromium)`,
        value: gzip / KB,
        unit: 'KB',
        baseline: fromBuild
          ? `build's chunk list ${fmt.kb(fromBuild.gzipBytes)} gzip`
          : 'build output not read',
        detail: `${scripts.length} scripts, ${(raw / KB).toFixed(0)} KB as sent (uncompressed); biggest chunks: ${top.slice(0, 3).join(', ')} KB; packages: ${packages.slice(0, 5).join(', ')} KB`,
      });
      if (fromBuild?.packages)
        figures.note(
          `${p.route} per package (KB gzip, estimated by share of uncompressed bytes): ${fromBuild.packages
            .slice(0, 12)
            .map((x) => `${x.name} ${(x.gzipEstimate / KB).toFixed(1)}`)
            .join('; ')}`,
        );
    }
  } finally {
    await browser.close();
    await app.stop();
    await emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
