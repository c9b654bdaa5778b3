// End-to-end tests: the built console (the standalone server that ships) and the emulator, on fixed uncommon ports, driven in
// Debian's Chromium. Nothing is reused from a developer's running servers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEMO_CLIENT_ID, TENANT_ID } from './emulator/constants';

// A fresh audit database per run, so tests start from an empty trail. The variable carries it to the
// workers, which load this file again.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'passcode-desk-e2e-'));

export const E2E = {
  dataDir: process.env.E2E_DATA_DIR,
  // Fixed uncommon ports, so a developer's running servers are never tested by mistake; overridable so that two
  // checkouts can run their suites side by side.
  consolePort: Number(process.env.E2E_CONSOLE_PORT ?? 3917),
  emulatorPort: Number(process.env.E2E_EMULATOR_PORT ?? 4917),
  get consoleOrigin() {
    return `http://localhost:${this.consolePort}`;
  },
  get emulatorOrigin() {
    return `http://localhost:${this.emulatorPort}`;
  },
  /**
   * A second console on the next port, configured as a tenant that wants recoverPasscode everywhere
   * (RECOVER_PASSCODE_EVERYWHERE), sharing the first one's audit database, as a second instance would.
   */
  get everywhereOrigin() {
    return `http://localhost:${this.consolePort + 1}`;
  },
  /** Two more consoles the several-instances test starts itself, on one PostgreSQL. */
  get instanceOrigins() {
    return [`http://localhost:${this.consolePort + 2}`, `http://localhost:${this.consolePort + 3}`];
  },
  /**
   * The README's several-instances recipe (e2e/readme-instances.spec.ts) as its reader runs it: its own emulator and
   * two consoles, plus a console on a database the recipe did not prepare.
   */
  get readmePorts() {
    return {
      consoles: [this.consolePort + 4, this.consolePort + 5] as const,
      misowned: this.consolePort + 6,
      emulator: this.emulatorPort + 1,
    };
  },
  /**
   * What the README's recipe wrote: its shell, emulator and consoles together (not all JSON, so the spec scans it for
   * tokens itself), and the misowned database's console.
   */
  readmeLogFiles(): { recipe: string; misowned: string } {
    return {
      recipe: join(this.dataDir ?? '', 'readme-instances.log'),
      misowned: join(this.dataDir ?? '', 'misowned.log'),
    };
  },
  /** What each console server wrote to stdout and stderr (tests scan them for secrets). */
  logFiles(): string[] {
    return [
      join(this.dataDir ?? '', 'console.log'),
      join(this.dataDir ?? '', 'console-everywhere.log'),
    ];
  },
  /** What the several-instances test's two consoles wrote (scanned for secrets with the rest). */
  instanceLogFiles(): string[] {
    return [0, 1].map((i) => join(this.dataDir ?? '', `instance-${i}.log`));
  },
};

export const consoleEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  HOSTNAME: '127.0.0.1',
  AUTH_CLIENT_ID: DEMO_CLIENT_ID,
  AUTH_TENANT_ID: TENANT_ID,
  AUTH_AUTHORITY: `https://localhost:${E2E.emulatorPort}`,
  AUTH_ENDPOINTS_ORIGIN: E2E.emulatorOrigin,
  GRAPH_BASE_URL: E2E.emulatorOrigin,
  // Shorter than the default 15 s so security.md case 19 (Graph taking 5 s) meets the timeout in a test's time.
  GRAPH_TIMEOUT_MS: '4000',
  // The suite runs far more actions per agent than an agent would; the limit has its own test (two-instance).
  ACTION_RATE_LIMIT: '1000',
  REVEAL_RATE_LIMIT: '1000',
  DATA_DIR: E2E.dataDir ?? '',
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
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
    baseURL: E2E.consoleOrigin,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    // The console follows the browser's language and time zone: the suite reads English, on a Berlin clock, unless a
    // test says otherwise (test.use({ locale: 'de-DE' })).
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
      ],
    },
  },
  webServer: [
    {
      command: 'node_modules/.bin/tsx emulator/main.ts',
      url: `http://127.0.0.1:${E2E.emulatorPort}/_emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: {
        EMULATOR_PORT: String(E2E.emulatorPort),
        EMULATOR_ORIGIN: E2E.emulatorOrigin,
        EMULATOR_MODE: 'test',
        EMULATOR_REDIRECT_URIS: [E2E.consoleOrigin, E2E.everywhereOrigin, ...E2E.instanceOrigins]
          .flatMap((o) => [`${o}/redirect`, `${o}/`])
          .join(','),
      },
    },
    {
      command: `node scripts/with-log.mjs ${E2E.logFiles()[0]} node .next/standalone/server.js`,
      url: `http://127.0.0.1:${E2E.consolePort}/redirect`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: { ...consoleEnv, PORT: String(E2E.consolePort) },
    },
    {
      command: `node scripts/with-log.mjs ${E2E.logFiles()[1]} node .next/standalone/server.js`,
      url: `http://127.0.0.1:${E2E.consolePort + 1}/redirect`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: {
        ...consoleEnv,
        PORT: String(E2E.consolePort + 1),
        RECOVER_PASSCODE_EVERYWHERE: 'true',
      },
    },
  ],
});
