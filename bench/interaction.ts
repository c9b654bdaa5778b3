// Interaction in Chromium with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), signed in as the helpdesk
// demo agent against a tenant big enough that the device list reaches 2,000 rows by infinite scroll:
// - INP while arrowing through rows, scrolling 2,000 rows with the mouse wheel, and typing in the search box
//   (Event Timing entries, durationThreshold 16; each interaction's longest event; INP = worst, or the 98th
//   percentile from 50 interactions on);
// - Enter-to-request: from the Enter key-down in the search box (the event's timeStamp) to the start of the
//   /api/devices request it causes (Resource Timing startTime), same clock;
// - the longest animation frame while scrolling (Long Animation Frames API), and the longest gap between frames;
// - requests for RSC payloads and prefetches while scrolling (`RSC: 1`, `Next-Router-Prefetch` or `_rsc=`).
// Needs `npm run build`; run with `npm run bench:interaction`.
import type { Page, Request } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { startEmulator } from './lib';
import { launchChromium, redirectUrisOf, signInInBrowser } from './support/browser';
import { startConsole } from './support/console-server';
import { emulatorControl } from './support/emulator-control';
import { Figures, fmt } from './support/figures';
import {
  inpOf,
  installProbes,
  KEEP_NAMES_SHIM,
  startFrameGaps,
  stopFrameGaps,
  type ProbeState,
} from './support/page-probes';
import { summary } from './lib';

const EMULATOR_PORT = 4985;
const CONSOLE_PORT = 3986;
/** About two thirds of a tenant is in the helpdesk agent's region (EMEA): 4,000 devices give it over 2,600. */
const DEVICES = 4000;
const ROWS = 2000;
const ROW_HEIGHT = 60;
const ARROW_PRESSES = 100;
const WHEEL_STEP_PX = 960;
const VIEWPORT = { width: 1440, height: 900 };
const ENTER_TRIALS = 10;
const TYPED_QUERIES = ['iPhone', 'Galaxy', 'zoe'];

const probe = (page: Page) => page.evaluate(() => window.__bench) as Promise<ProbeState>;
const now = (page: Page) => page.evaluate(() => performance.now());

/** Requests that fetch a React Server Components payload (navigation or prefetch), not API calls or scripts. */
function isRscRequest(req: Request): boolean {
  const h = req.headers();
  return h.rsc === '1' || 'next-router-prefetch' in h || req.url().includes('_rsc=');
}

async function main() {
  const figures = new Figures('interaction');
  const consoleOrigin = `http://localhost:${CONSOLE_PORT}`;
  const emu = await startEmulator(EMULATOR_PORT, ['--devices', String(DEVICES)], {
    redirectUris: redirectUrisOf(consoleOrigin),
  });
  const app = await startConsole({
    port: CONSOLE_PORT,
    emulatorOrigin: emu.origin,
    emulatorPort: EMULATOR_PORT,
  });
  const browser = await launchChromium();
  try {
    // One agent scrolling through 20 pages is far from Intune's limits; the limits are not what is measured.
    await emulatorControl(emu.origin).throttling(false);
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.addInitScript(installProbes);
    const rsc: { url: string; at: number; prefetch: boolean }[] = [];
    page.on('request', (req) => {
      if (isRscRequest(req))
        rsc.push({
          url: req.url(),
          at: Date.now(),
          prefetch: 'next-router-prefetch' in req.headers(),
        });
    });
    await signInInBrowser(page, consoleOrigin, DEMO_ACCOUNTS.helpdesk);
    await page.getByTestId('device-row').first().waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const phases: { name: string; from: number; to: number; performed: number }[] = [];

    // Arrowing through rows: focus the first row (a click on a cell that is not a link), then ArrowDown at the pace
    // of a held-down key.
    let from = await now(page);
    await page.getByTestId('device-row').first().locator('td').nth(2).click();
    for (let i = 0; i < ARROW_PRESSES; i++) {
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(60);
    }
    phases.push({ name: 'arrowing', from, to: await now(page), performed: ARROW_PRESSES + 1 });

    // Scrolling 2,000 rows with the mouse wheel; further pages load as the end comes near.
    const scroller = page.getByTestId('results-scroll');
    const pointAtList = async () => {
      const box = await scroller.boundingBox();
      if (!box) throw new Error('no results list');
      const top = Math.max(box.y, 0);
      const bottom = Math.min(box.y + box.height, VIEWPORT.height);
      await page.mouse.move(box.x + box.width / 2, (top + bottom) / 2);
    };
    await pointAtList();
    const rscBefore = rsc.length;
    const scrollStartedAt = Date.now();
    from = await now(page);
    await page.evaluate(startFrameGaps);
    let loaded = 0;
    let pageScrolledAway = 0;
    let maxPageScroll = 0;
    for (let step = 0; ; step++) {
      const s = await scroller.evaluate((el) => ({
        rows: Number(el.querySelector('table')?.getAttribute('aria-rowcount') ?? 1) - 1,
        top: el.scrollTop,
        height: el.clientHeight,
        scrollHeight: el.scrollHeight,
        pageY: window.scrollY,
      }));
      loaded = s.rows;
      if (s.rows >= ROWS && s.top + s.height >= ROWS * ROW_HEIGHT) break;
      if (Date.now() - scrollStartedAt > 150_000)
        throw new Error(
          `scrolling stopped at ${s.rows} rows, ${Math.round(s.top / ROW_HEIGHT)} scrolled`,
        );
      if (step % 40 === 0)
        console.log(
          `  scrolling: ${s.rows} rows loaded, row ${Math.round(s.top / ROW_HEIGHT)} at the top`,
        );
      if (s.pageY > 0) {
        // The wheel chained to the page and moved the list away (see the note): back to the list, as a person would.
        pageScrolledAway++;
        maxPageScroll = Math.max(maxPageScroll, s.pageY);
        await page.evaluate(() => window.scrollTo(0, 0));
        await pointAtList();
      }
      if (s.top + s.height >= s.scrollHeight - 2) {
        // At the end of what has loaded: a person waits for the next page rather than spinning the wheel.
        await page.waitForTimeout(50);
        continue;
      }
      // A brisk flick of the wheel: 16 rows a step.
      await page.mouse.wheel(0, WHEEL_STEP_PX);
      await page.waitForTimeout(16);
    }
    const longestGap = await page.evaluate(stopFrameGaps);
    const scrollMs = Date.now() - scrollStartedAt;
    phases.push({ name: 'scrolling', from, to: await now(page), performed: 0 });
    const scrollRsc = rsc.slice(rscBefore);

    // Typing in the search box, at about seven characters a second; the search commits 350 ms after the last key.
    const search = page.getByRole('searchbox', { name: 'Search devices' });
    from = await now(page);
    let typed = 0;
    for (const q of TYPED_QUERIES) {
      await search.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(q, { delay: 140 });
      typed += q.length + 3;
      await page
        .waitForResponse(
          (r) => r.url().includes('/api/devices') && r.url().includes(`q=${encodeURIComponent(q)}`),
          { timeout: 30_000 },
        )
        .catch(() => undefined);
      await page.waitForTimeout(500);
    }
    phases.push({ name: 'typing', from, to: await now(page), performed: typed });

    // Enter-to-request: a new search each time (a device name prefix), Enter pressed before the debounce would commit it.
    const enterDelays: number[] = [];
    /** How long after the RSC navigation's answer ended the API request started (when it waited for one). */
    const afterRsc: number[] = [];
    const prefixes = [
      'Ana',
      'Ben',
      'Car',
      'Dav',
      'Ela',
      'Fra',
      'Geo',
      'Han',
      'Iva',
      'Jan',
      'Kar',
      'Lui',
    ];
    for (let i = 0; i < ENTER_TRIALS; i++) {
      const q = prefixes[i % prefixes.length] ?? 'Zo';
      await search.fill(q);
      const request = page.waitForRequest(
        (r) => r.url().includes('/api/devices') && r.url().includes(`q=${q}`),
        { timeout: 30_000 },
      );
      await search.press('Enter');
      await request;
      await page.waitForTimeout(300);
      const state = await probe(page);
      const down = state.enterDowns.at(-1) ?? NaN;
      const started =
        state.apiStarts.find((a) => a.url.includes(`q=${q}`) && a.start >= down)?.start ?? NaN;
      enterDelays.push(started - down);
      // The navigation's own RSC fetch (router.replace to /?q=…), not the rows' prefetches of /devices/….
      const nav = state.rscFetches.find(
        (f) => f.start >= down && f.start <= started && new URL(f.url).pathname === '/',
      );
      if (nav && started >= nav.end) afterRsc.push(started - nav.end);
      await page.waitForTimeout(400);
    }
    const state = await probe(page);
    const inPhase = (name: string) => {
      const p = phases.find((x) => x.name === name);
      return p ? state.events.filter((e) => e.start >= p.from && e.start <= p.to) : [];
    };
    const perPhase = ['arrowing', 'scrolling', 'typing'].map((name) => ({
      name,
      ...inpOf(inPhase(name), phases.find((p) => p.name === name)?.performed ?? 0),
    }));
    const all = inpOf(
      perPhase.flatMap((p) => inPhase(p.name)),
      phases.reduce((n, p) => n + p.performed, 0),
    );
    const scrollPhase = phases.find((p) => p.name === 'scrolling');
    const scrollFrames = state.frames.filter(
      (f) => scrollPhase && f.start >= scrollPhase.from && f.start <= scrollPhase.to,
    );
    const longestFrame = scrollFrames.reduce((m, f) => Math.max(m, f.duration), 0);
    const worstFrame = [...scrollFrames].sort((a, b) => b.duration - a.duration)[0];
    const worstFrameText = worstFrame?.topScript
      ? `its longest script ${fmt.ms(worstFrame.topScript.duration)}: ${worstFrame.topScript.invoker} in ${worstFrame.topScript.source}`
      : 'no script attribution';
    // Which invokers the long frames' time went to, summed (e.g. a React scheduler task, an IntersectionObserver).
    const byInvoker = new Map<string, number>();
    for (const f of scrollFrames)
      if (f.topScript)
        byInvoker.set(
          f.topScript.invoker,
          (byInvoker.get(f.topScript.invoker) ?? 0) + f.topScript.duration,
        );
    const invokers = [...byInvoker]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ');
    const enter = summary(enterDelays.filter(Number.isFinite));

    const anatomy = (e: ProbeState['events'][number] | null) =>
      e
        ? `${e.name} ${fmt.ms(e.duration)} = input delay ${fmt.ms(e.inputDelay)} + handlers ${fmt.ms(e.processing)} + until painted ${fmt.ms(e.presentation)}`
        : 'none';
    for (const p of perPhase)
      console.log(
        `INP ${p.name}: ${fmt.ms(p.inp)} (${p.interactions} interactions ≥ 16 ms; worst: ${anatomy(p.worst)})`,
      );
    console.log(
      `scrolled ${loaded} rows in ${(scrollMs / 1000).toFixed(1)} s; long animation frames ${scrollFrames.length}, longest ${fmt.ms(longestFrame)}; longest gap between frames ${fmt.ms(longestGap)}; RSC/prefetch requests ${scrollRsc.length}; the page itself scrolled away from the list ${pageScrolledAway}× (up to ${Math.round(maxPageScroll)} px)`,
    );
    console.log(
      `Enter to /api/devices request: ${enterDelays.map((d) => d.toFixed(1)).join(', ')} ms; ${afterRsc.length} of ${ENTER_TRIALS} waited for an RSC navigation fetch of /?q=…, starting ${afterRsc.map((d) => d.toFixed(1)).join(', ')} ms after its answer ended`,
    );

    figures.push({
      id: 'ui.inp',
      label: 'INP, 4× CPU throttling (arrowing 100 rows, scrolling 2,000 rows, typing)',
      value: all.inp,
      unit: 'ms',
      detail: `${perPhase.map((p) => `${p.name} ${fmt.ms(p.inp)} (${p.interactions} ≥16 ms)`).join('; ')}; wheel scrolling makes no INP-eligible events; worst: ${anatomy(all.worst)}`,
    });
    figures.push({
      id: 'ui.enterToRequest',
      label: 'Enter in search box → /api/devices request starts (median of 10), 4× CPU',
      value: enter.median,
      unit: 'ms',
      detail: `max ${fmt.ms(enter.max)}; ${afterRsc.length} of ${ENTER_TRIALS} started only after router.replace's RSC fetch of /?q=… had answered`,
    });
    figures.push({
      id: 'ui.scroll.longestFrame',
      label: 'Longest animation frame while scrolling 2,000 rows, 4× CPU',
      value: longestFrame,
      unit: 'ms',
      detail: `${scrollFrames.length} long animation frames (≥ 50 ms) in ${(scrollMs / 1000).toFixed(0)} s; the longest: ${worstFrameText}; long frames' top scripts by invoker: ${invokers || 'n/a'}; longest gap between frames ${fmt.ms(longestGap)}; the page itself scrolled away from the list ${pageScrolledAway}× (up to ${Math.round(maxPageScroll)} px)`,
    });
    const prefetches = scrollRsc.filter((r) => r.prefetch).length;
    figures.push({
      id: 'ui.scroll.prefetches',
      label: 'RSC/prefetch requests while scrolling 2,000 rows',
      value: scrollRsc.length,
      unit: 'count',
      detail: `${prefetches} with Next-Router-Prefetch; e.g. ${
        scrollRsc
          .slice(0, 2)
          .map((r) => new URL(r.url).pathname)
          .join(', ') || 'none'
      }`,
    });
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
