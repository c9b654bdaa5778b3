// Read overhead: what the console's GET /api/devices?q=<upn> costs on top of (a) a bare Next.js route handler that
// sends the same Graph request with the same token and returns Graph's JSON (bench/bare-next), and (b) the Graph
// request sent straight to the emulator. Graph's latency is made realistic (60 ms injected by the emulator on
// every Graph request), the three are interleaved request by request after a warm-up, and the median and p95 of
// each are compared. A second pass without injected latency shows the console's own cost in milliseconds.
// Needs `npm run build`; run with `npm run bench:read` (builds the bare app when needed).
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { signInOverHttp, startEmulator, summary } from './lib';
import { bareNextServer, ensureBareBuild } from './runner/builds';
import { startBareNext, startConsole } from './support/console-server';
import { emulatorControl } from './support/emulator-control';
import { Figures, fmt } from './support/figures';

const EMULATOR_PORT = 4983;
const CONSOLE_PORT = 3983;
const BARE_PORT = 3984;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const WARM_UP = 30;
const LATENCY_MS = 60;
/** A search by e-mail, the usual first step of an "I'm locked out" ticket: one Graph request (/users/{upn}/managedDevices). */
const UPN = 'zoe.obrien@contoso.com';

type Variant = 'console' | 'bare' | 'direct';
const VARIANTS: Variant[] = ['console', 'bare', 'direct'];

async function timed(url: string, token: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const elapsed = performance.now() - started;
  if (!res.ok) throw new Error(`${res.status} from ${url}: ${text.slice(0, 200)}`);
  return elapsed;
}

/**
 * Rounds of one request per variant. Each round starts with the next variant in turn (A,B,C then B,C,A …), so
 * none always runs right after another's answer (a server still finishing its log line, a connection just used).
 */
async function interleaved(
  urls: Record<Variant, string>,
  token: string,
  rounds: number,
): Promise<Record<Variant, number[]>> {
  const samples: Record<Variant, number[]> = { console: [], bare: [], direct: [] };
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < VARIANTS.length; i++) {
      const v = VARIANTS[(r + i) % VARIANTS.length] ?? 'console';
      samples[v].push(await timed(urls[v], token));
    }
  }
  return samples;
}

async function main() {
  const figures = new Figures('read-overhead');
  const root = process.cwd();
  ensureBareBuild(root, false);
  const emu = await startEmulator(EMULATOR_PORT);
  const control = emulatorControl(emu.origin);
  const app = await startConsole({
    port: CONSOLE_PORT,
    emulatorOrigin: emu.origin,
    emulatorPort: EMULATOR_PORT,
  });
  let bare: Awaited<ReturnType<typeof startBareNext>> | undefined;
  try {
    // Throttling is not what is measured here: 1,800 reads in a minute stay under Intune's limits anyway.
    await control.throttling(false);
    const { access_token: token } = await signInOverHttp(
      emu.origin,
      DEMO_ACCOUNTS.helpdesk,
      'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All',
    );
    const consoleUrl = `http://127.0.0.1:${CONSOLE_PORT}/api/devices?q=${encodeURIComponent(UPN)}`;

    // The Graph request the console sends, as the emulator received it: the bare app and the direct call send it too.
    await control.clearRequests();
    await timed(consoleUrl, token);
    const [sent] = await control.requests({ method: 'GET' });
    if (!sent) throw new Error('the console sent no Graph request');
    const query = sent.query.replace(/^\?/, '');
    bare = await startBareNext({
      port: BARE_PORT,
      emulatorOrigin: emu.origin,
      serverJs: bareNextServer(root),
      env: { BARE_GRAPH_QUERY: query },
    });
    const urls: Record<Variant, string> = {
      console: consoleUrl,
      bare: `http://127.0.0.1:${BARE_PORT}/api/devices?q=${encodeURIComponent(UPN)}`,
      direct: `${emu.origin}${sent.path}?${query}`,
    };
    await control.clearRequests();
    await timed(urls.bare, token);
    await timed(urls.direct, token);
    const same = (await control.requests({ method: 'GET' })).map((e) => `${e.path}${e.query}`);
    if (same.length !== 2 || same.some((s) => s !== `${sent.path}${sent.query}`))
      throw new Error(
        `not the same Graph request: ${JSON.stringify([`${sent.path}${sent.query}`, ...same])}`,
      );
    figures.note(
      `search q=${UPN} (helpdesk agent's token); the same Graph request from all three: GET ${sent.path}?${decodeURIComponent(query)}`,
    );

    for (const latency of [LATENCY_MS, 0]) {
      if (latency > 0) await control.latency(latency);
      else await control.clearFaults();
      await interleaved(urls, token, WARM_UP);
      const s = await interleaved(urls, token, SAMPLES);
      const [c, b, d] = [summary(s.console), summary(s.bare), summary(s.direct)];
      const tag = latency > 0 ? `${latency} ms Graph latency` : 'no injected latency';
      console.log(
        `${tag}: console median ${fmt.ms(c.median)} p95 ${fmt.ms(c.p95)} | bare Next median ${fmt.ms(b.median)} p95 ${fmt.ms(b.p95)} | direct median ${fmt.ms(d.median)} p95 ${fmt.ms(d.p95)} (${c.n} each, interleaved)`,
      );
      const consoleText = `console median ${fmt.ms(c.median)}, p95 ${fmt.ms(c.p95)}`;
      const suffix = latency > 0 ? '' : '.nolatency';
      figures.push({
        id: `read.ratio.bare${suffix}`,
        label: `Read overhead vs bare Next.js route (${tag}), median ratio`,
        value: c.median / b.median,
        unit: 'ratio',
        baseline: `bare Next median ${fmt.ms(b.median)}, p95 ${fmt.ms(b.p95)}`,
        detail: `${consoleText}; p95 ratio ${fmt.ratio(c.p95 / b.p95)}; +${fmt.ms(c.median - b.median)} at the median; n=${c.n} each`,
      });
      figures.push({
        id: `read.ratio.direct${suffix}`,
        label: `Read overhead vs direct Graph call (${tag}), median ratio`,
        value: c.median / d.median,
        unit: 'ratio',
        baseline: `direct Graph median ${fmt.ms(d.median)}, p95 ${fmt.ms(d.p95)}`,
        detail: `${consoleText}; p95 ratio ${fmt.ratio(c.p95 / d.p95)}; +${fmt.ms(c.median - d.median)} at the median; n=${c.n} each`,
      });
    }
  } finally {
    await bare?.stop();
    await app.stop();
    await emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
