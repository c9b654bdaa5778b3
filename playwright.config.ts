// End-to-end tests: the built console (the standalone server that ships) and the emulator, on fixed uncommon ports, driven in
// Debian's Chromium. Nothing is reused from a developer's running servers.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEMO_CLIENT_ID, TENANT_ID } from './emulator/constants';
import {
  DEMO_VERIFIED_ID_CLIENT_ID,
  DEMO_VERIFIED_ID_CLIENT_SECRET,
  DEMO_VERIFIER_DID,
  VERIFIED_ID_BASE_PATH,
} from './emulator/verified-id/constants';

// A fresh audit database per run, so tests start from an empty trail. The variable carries it to the
// workers, which load this file again.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'passcode-desk-e2e-'));

/**
 * Workers run spec files side by side, each against servers of its own: an emulator (its own tenant, clock, faults
 * and request log), a console, a second console (recoverPasscode everywhere) and an audit database. A test never
 * sees another worker's state, so no test has to know that others run beside it. E2E_WORKERS=1 runs them one by one.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 3));
/** Ports of one worker's servers are this far apart from the next worker's. */
const SLOT_STRIDE = 10;

/** Ports, origins and files of one worker's servers (its slot: Playwright's parallel index). */
export function e2eSlot(slot: number) {
  const root = process.env.E2E_DATA_DIR ?? '';
  // Fixed uncommon ports, so a developer's running servers are never tested by mistake; overridable so that two
  // checkouts can run their suites side by side.
  const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 3917) + slot * SLOT_STRIDE;
  const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4917) + slot * SLOT_STRIDE;
  const dataDir = join(root, `worker-${slot}`);
  mkdirSync(dataDir, { recursive: true });
  return {
    slot,
    dataDir,
    consolePort,
    emulatorPort,
    consoleOrigin: `http://localhost:${consolePort}`,
    emulatorOrigin: `http://localhost:${emulatorPort}`,
    /**
     * A second console on the next port, configured as a tenant that wants recoverPasscode everywhere
     * (RECOVER_PASSCODE_EVERYWHERE), sharing the first one's audit database, as a second instance would.
     */
    everywhereOrigin: `http://localhost:${consolePort + 1}`,
    /**
     * A console with VERIFY_CALLER=required (e2e/caller-policy.spec.ts starts it), sharing the first one's audit
     * database, as a second instance would.
     */
    requiredOrigin: `http://localhost:${consolePort + 7}`,
    /**
     * A console with four-eyes on (APPROVAL_REQUIRED; e2e/approvals.spec.ts starts it), sharing the first one's audit
     * database, as a second instance would.
     */
    approvalOrigin: `http://localhost:${consolePort + 8}`,
    /** Two more consoles the several-instances test starts itself, on one PostgreSQL. */
    instanceOrigins: [`http://localhost:${consolePort + 2}`, `http://localhost:${consolePort + 3}`],
    /**
     * The README's several-instances recipe (e2e/readme-instances.spec.ts) as its reader runs it: its own emulator
     * and two consoles, plus a console on a database the recipe did not prepare.
     */
    readmePorts: {
      consoles: [consolePort + 4, consolePort + 5] as const,
      misowned: consolePort + 6,
      emulator: emulatorPort + 1,
    },
    /**
     * What the README's recipe wrote: its shell, emulator and consoles together (not all JSON, so the spec scans it
     * for tokens itself), and the misowned database's console.
     */
    readmeLogFiles: () => ({
      recipe: join(dataDir, 'readme-instances.log'),
      misowned: join(dataDir, 'misowned.log'),
    }),
    /** What each console server wrote to stdout and stderr (tests scan them for secrets). */
    logFiles: () => [join(dataDir, 'console.log'), join(dataDir, 'console-everywhere.log')],
    /** What the several-instances test's two consoles wrote (scanned for secrets with the rest). */
    instanceLogFiles: () => [0, 1].map((i) => join(dataDir, `instance-${i}.log`)),
    /** What the database-outage test's two consoles (on instanceOrigins, after that test) wrote. */
    outageLogFiles: () => [0, 1].map((i) => join(dataDir, `outage-instance-${i}.log`)),
    /** What the caller-policy test's console (on requiredOrigin) wrote. */
    requiredLogFiles: () => [join(dataDir, 'console-required.log')],
    /** What the four-eyes test's console (on approvalOrigin) wrote. */
    approvalLogFiles: () => [join(dataDir, 'console-approval.log')],
  };
}

/** This worker's servers (Playwright sets TEST_PARALLEL_INDEX in each worker; the runner itself is slot 0). */
export const E2E = e2eSlot(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
/** Every worker's data folders, for the secrets scan, which reads what the whole suite left behind. */
export const E2E_ALL_SLOTS = Array.from({ length: E2E_WORKERS }, (_, slot) => e2eSlot(slot));

/** How a console of the given slot is configured (the several-instances test starts two more with it). */
export function consoleEnvFor(slot: ReturnType<typeof e2eSlot>) {
  return {
    NEXT_TELEMETRY_DISABLED: '1',
    HOSTNAME: '127.0.0.1',
    AUTH_CLIENT_ID: DEMO_CLIENT_ID,
    AUTH_TENANT_ID: TENANT_ID,
    AUTH_AUTHORITY: `https://localhost:${slot.emulatorPort}`,
    AUTH_ENDPOINTS_ORIGIN: slot.emulatorOrigin,
    GRAPH_BASE_URL: slot.emulatorOrigin,
    // Shorter than the default 15 s so security.md case 19 (Graph taking 5 s) meets the timeout in a test's time.
    GRAPH_TIMEOUT_MS: '4000',
    // The suite runs far more actions per agent than an agent would; the limit has its own test (two-instance).
    ACTION_RATE_LIMIT: '1000',
    ACTION_RESULTS_DELAY_SECONDS: '6', // the emulator shows a new action 5 s late
    // Confirm waits out Graph's throttling up to 12 s (20 in production), so the countdown tests wait less.
    ACTION_WAIT_SECONDS: '12',
    REVEAL_RATE_LIMIT: '1000',
    // The suite's consoles confirm actions without a caller verification, as the specs written before 14/17 do; the
    // trust specs run consoles of their own with `record` and `required` (e2e/caller-policy.spec.ts). The demo and
    // production keep the default, `record`.
    VERIFY_CALLER: 'off',
    DATA_DIR: slot.dataDir,
    // Verified ID with Face Check against the emulated Request Service; its callbacks come to the first console.
    VERIFIED_ID_CLIENT_ID: DEMO_VERIFIED_ID_CLIENT_ID,
    VERIFIED_ID_CLIENT_SECRET: DEMO_VERIFIED_ID_CLIENT_SECRET,
    VERIFIED_ID_AUTHORITY: DEMO_VERIFIER_DID,
    VERIFIED_ID_ENDPOINT: `${slot.emulatorOrigin}${VERIFIED_ID_BASE_PATH}`,
    // 127.0.0.1, where the console listens (HOSTNAME), whatever localhost resolves to for the emulator.
    VERIFIED_ID_CALLBACK_URL: `http://127.0.0.1:${slot.consolePort}/api/verified-id/callback`,
  };
}
export const consoleEnv = consoleEnvFor(E2E);

/** One worker's servers: its emulator, its console, and its recoverPasscode-everywhere console. */
function serversOf(slot: ReturnType<typeof e2eSlot>) {
  const env = consoleEnvFor(slot);
  // Server output goes to the log files (the secrets scan reads them), not into the test report.
  const console = (port: number, log: string | undefined, extra: Record<string, string> = {}) => ({
    command: `node scripts/with-log.mjs ${log} node .next/standalone/server.js`,
    url: `http://127.0.0.1:${port}/redirect`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    env: { ...env, ...extra, PORT: String(port) },
  });
  return [
    {
      command: 'node emulator/start.mjs',
      url: `http://127.0.0.1:${slot.emulatorPort}/_emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      env: {
        EMULATOR_PORT: String(slot.emulatorPort),
        EMULATOR_ORIGIN: slot.emulatorOrigin,
        EMULATOR_MODE: 'test',
        EMULATOR_REDIRECT_URIS: [
          slot.consoleOrigin,
          slot.everywhereOrigin,
          slot.requiredOrigin,
          slot.approvalOrigin,
          ...slot.instanceOrigins,
        ]
          .flatMap((o) => [`${o}/redirect`, `${o}/`])
          .join(','),
      },
    },
    console(slot.consolePort, slot.logFiles()[0]),
    console(slot.consolePort + 1, slot.logFiles()[1], { RECOVER_PASSCODE_EVERYWHERE: 'true' }),
  ];
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: E2E_WORKERS,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // The secrets scan (security.md case 22) reads what the whole suite left behind, so it runs after it, and only
  // when the whole suite is run (a single spec file leaves it out).
  projects: [
    { name: 'e2e', testIgnore: /secrets-scan\.spec\.ts$/ },
    { name: 'secrets-scan', testMatch: /secrets-scan\.spec\.ts$/, dependencies: ['e2e'] },
  ],
  outputDir: 'test-results',
  use: {
    // Each worker's own console (e2e/fixtures.ts sets it again inside the worker, where the slot is known).
    baseURL: E2E.consoleOrigin,
    // A trace records every step of every test to keep the failing ones; CI's output is text, where nobody can open
    // a trace, so CI records none (about a tenth of the suite's time).
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    // The console follows the browser's language and time zone: the suite reads English, on a Berlin clock, unless a
    // test says otherwise (test.use({ locale: 'de-DE' })).
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    launchOptions: {
      // Debian's Chromium headless shell: the old headless mode, which Playwright itself runs for headless tests, and
      // which takes about a third less CPU than the full browser (passcode-action.spec: 59 s against 94 s measured).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-domain-reliability',
        // Nothing but this machine is reachable: every request to another host goes to a proxy on the discard port,
        // where nothing listens (Chromium always goes to localhost and loopback addresses directly). This replaces
        // intercepting every request in the test process (e2e/fixtures.ts records what tried to leave).
        '--proxy-server=http://127.0.0.1:9',
      ],
    },
  },
  webServer: E2E_ALL_SLOTS.flatMap(serversOf),
});
