// First-load JavaScript per page, gzipped, as Chromium loads it: the device list (/) and a device page
// (/devices/{id}), each opened afresh (HTTP cache off) by a signed-in helpdesk agent. Every script the page
// fetched until it was idle (its content shown, no request for 500 ms, then an idle callback) is compressed with
// zlib gzip level 9: the console sends its scripts uncompressed, so transfer sizes would not say what a
// compressing proxy would send. The budgeted figure is the page's first-load chunks (those the build lists for the
// route, scripts/size-budget.mjs); beside it, everything fetched until idle, which adds what the page loads with
// `import()` as it starts (MSAL, since 17/17) and on its way to its content. Then the time from navigation to the
// page's content (first device row; the device's serial number), signed in, at 1× and 4× CPU.
// Needs `npm run build`; `npm run bench:size`.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { startEmulator, summary } from './lib';
import { launchChromium, redirectUrisOf, signInInBrowser } from './support/browser';
import { startConsole } from './support/console-server';
import { emulatorControl } from './support/emulator-control';
import { Figures, fmt } from './support/figures';

const EMULATOR_PORT = 4984;
const CONSOLE_PORT = 3985;
const KB = 1024;
/** Page loads per page and CPU rate for the time to content (the median is reported). */
const TIMED_LOADS = 5;

interface BudgetReport {
  routes: {
    route: string;
    gzipBytes: number;
    chunks: { file: string; gzip: number }[];
    packages: { name: string; bytes: number; gzipEstimate: number }[] | null;
  }[];
}

/**
 * Milliseconds from navigation start to `selector` matching an element (polled every animation frame in the page,
 * so the figure is the page's own clock, not the test process's).
 */
async function timeToContent(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const at = await page.waitForFunction(
    (sel) => (document.querySelector(sel) ? performance.now() : null),
    selector,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await at.jsonValue()) ?? NaN;
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
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const pages = [
      {
        route: '/',
        url: `${consoleOrigin}/`,
        ready: (p: Page) => p.getByTestId('device-row').first().waitFor(),
        content: '[data-testid="device-row"]',
      },
      {
        route: '/devices/[id]',
        url: `${consoleOrigin}/devices/${device.id}`,
        ready: (p: Page) => p.getByText(device.serialNumber).first().waitFor(),
        content: '#device-heading',
      },
    ];
    const name = (url: string) => new URL(url).pathname.split('/').pop() ?? url;
    for (const p of pages) {
      const scripts = await scriptsUntilIdle(page, p.url, p.ready);
      const fromBuild = build.routes.find((r) => r.route === p.route);
      // The page's first-load chunks (what its HTML loads) apart from what it fetched with `import()` afterwards.
      const listed = new Set(fromBuild?.chunks.map((c) => c.file) ?? []);
      const first = scripts.filter((s) => listed.has(name(s.url)));
      const later = scripts.filter((s) => !listed.has(name(s.url)));
      const sum = (list: typeof scripts, key: 'gzip' | 'raw') =>
        list.reduce((n, s) => n + s[key], 0);
      const gzip = sum(first, 'gzip');
      const top = (list: typeof scripts, n: number) =>
        [...list]
          .sort((a, b) => b.gzip - a.gzip)
          .slice(0, n)
          .map((s) => `${name(s.url)} ${(s.gzip / KB).toFixed(1)}`);
      const packages = (fromBuild?.packages ?? [])
        .slice(0, 6)
        .map((x) => `${x.name} ≈${(x.gzipEstimate / KB).toFixed(1)}`);
      console.log(
        `${p.route}: first-load ${first.length} scripts, ${fmt.kb(gzip)} gzip (${fmt.kb(sum(first, 'raw'))} as sent); build output ${fromBuild ? fmt.kb(fromBuild.gzipBytes) : 'n/a'}`,
      );
      console.log(
        `  then until idle ${later.length} more, ${fmt.kb(sum(later, 'gzip'))} gzip: ${top(later, 6).join(', ')}`,
      );
      console.log(`  biggest first-load chunks (KB gzip): ${top(first, 5).join(', ')}`);
      console.log(`  biggest packages (KB gzip, estimated by share): ${packages.join(', ')}`);
      figures.push({
        id: `js.firstload.${p.route}`,
        label: `First-load JS, ${p.route} (gzip -9 of the page's first-load chunks as Chromium fetched them)`,
        value: gzip / KB,
        unit: 'KB',
        baseline: fromBuild
          ? `build's chunk list ${fmt.kb(fromBuild.gzipBytes)} gzip`
          : 'build output not read',
        detail: `${first.length} scripts, ${(sum(first, 'raw') / KB).toFixed(0)} KB as sent (uncompressed); biggest chunks: ${top(first, 3).join(', ')} KB; packages: ${packages.slice(0, 5).join(', ')} KB`,
      });
      figures.push({
        id: `js.untilIdle.${p.route}`,
        label: `All JS until idle, ${p.route} (first-load chunks and what the page loaded with import() until idle)`,
        value: (gzip + sum(later, 'gzip')) / KB,
        unit: 'KB',
        detail: `${later.length} scripts after the first-load ones, ${fmt.kb(sum(later, 'gzip'))} gzip: ${top(later, 4).join(', ')} KB`,
      });
      if (fromBuild?.packages)
        figures.note(
          `${p.route} per package (KB gzip, estimated by share of uncompressed bytes): ${fromBuild.packages
            .slice(0, 12)
            .map((x) => `${x.name} ${(x.gzipEstimate / KB).toFixed(1)}`)
            .join('; ')}`,
        );
    }
    // The time an agent waits for the page's content on a first visit (HTTP cache still off), signed in.
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      for (const p of pages) {
        const times: number[] = [];
        for (let i = 0; i < TIMED_LOADS; i++)
          times.push(await timeToContent(page, p.url, p.content));
        const s = summary(times);
        console.log(
          `${p.route}, ${rate}× CPU: navigation → content ${s.median.toFixed(0)} ms median (${times.map((t) => t.toFixed(0)).join(', ')})`,
        );
        figures.push({
          id: `time.content.${rate}x.${p.route}`,
          label: `Navigation → ${p.route === '/' ? 'first device row' : 'device details'} shown, ${rate}× CPU, first visit, signed in (median of ${TIMED_LOADS})`,
          value: s.median,
          unit: 'ms',
          detail: `min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)} ms`,
        });
      }
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
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
