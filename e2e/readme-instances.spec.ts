// The README's recipe for several instances ("Running several instances"), run as its reader runs it: the shell
// blocks marked `<!-- tested: several-instances/… -->` are taken from README.md and run by bash exactly as written
// (all but the build, which npm test has just made), with the values the reader fills in set as the environment
// variables the README names, against a throwaway PostgreSQL. So the recipe cannot drift from what works: a missing
// variable, a wrong tenant id, a redirect URI the emulator refuses or a database the console may not migrate fails
// here. It starts its own emulator (the README's command) and consoles on ports no other spec uses.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { startTestPostgres, type TestPostgres } from '../test-support/postgres';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PORTS = E2E.readmePorts;
const LOGS = E2E.readmeLogFiles();

/** The shell block the README marks `<!-- tested: several-instances/<name> … -->`. */
function readmeBlock(name: string): string {
  const marked = new RegExp(
    `<!-- tested: several-instances/${name}\\b[^>]*-->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``,
  ).exec(README);
  if (!marked?.[1]) throw new Error(`README.md has no sh block marked several-instances/${name}`);
  return marked[1];
}

const password = randomBytes(24).toString('hex');
let pg: TestPostgres;
let recipe: ChildProcess | undefined;
let misowned: ChildProcess | undefined;
/** What the reader fills in, as the README's settings block names it, and where psql finds the superuser. */
let readerEnv: Record<string, string>;

/** Stops a process started detached, with everything it started (its process group). */
function stopGroup(child: ChildProcess | undefined): void {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // gone already
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  pg = await startTestPostgres();
  readerEnv = {
    DB_PASSWORD: password,
    DATABASE_URL: `postgres://passcode_desk:${password}@127.0.0.1:${pg.port}/passcode_desk`,
    PORT_1: String(PORTS.consoles[0]),
    PORT_2: String(PORTS.consoles[1]),
    EMULATOR_PORT: String(PORTS.emulator),
  };
});

test.afterAll(async () => {
  stopGroup(recipe);
  stopGroup(misowned);
  await new Promise((r) => setTimeout(r, 500));
  pg?.stop();
});

test('the settings block names exactly what the reader fills in; the build block is the one npm test ran', () => {
  const named = [...readmeBlock('settings').matchAll(/(?:export\s+|\s)([A-Z][A-Z0-9_]*)=/g)].map(
    (m) => m[1],
  );
  expect(new Set(named)).toEqual(new Set(Object.keys(readerEnv)));
  expect(readmeBlock('build')).toContain('npm run build');
  expect(readmeBlock('build')).not.toContain('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY');
});

test("the README's database, emulator and start blocks, run as written: both instances healthy, an agent signs in", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const script = ['database', 'emulator', 'start'].map(readmeBlock).join('\n');
  const log = createWriteStream(LOGS.recipe);
  // A bare environment: nothing of the test runner's may stand in for a variable the README forgot to set (not even
  // NODE_ENV, which Next's types make look required: a reader's shell has none).
  const bare: Record<string, string> = {
    PATH: `${pg.binDir}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? '/root',
    NEXT_TELEMETRY_DISABLED: '1',
    PGHOST: '127.0.0.1',
    PGPORT: String(pg.port),
    PGUSER: 'postgres',
    ...readerEnv,
  };
  const shell = spawn('bash', ['-eu', '-c', script], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: bare as NodeJS.ProcessEnv,
  });
  recipe = shell;
  shell.stdout.pipe(log);
  shell.stderr.pipe(log);
  // The script ends after its last curl; the servers it started run on in its process group.
  const code = await new Promise<number | null>((resolve) => shell.once('exit', resolve));
  expect(code, readFileSync(LOGS.recipe, 'utf8').slice(-3000)).toBe(0);

  for (const port of PORTS.consoles) {
    const res = await fetch(`http://localhost:${port}/api/health`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      status: 'ok',
      checks: {
        database: { ok: true, dialect: 'postgres' },
        migrations: { ok: true, pending: [] },
      },
    });
    expect(text).not.toContain(password);
  }

  // The origin the README says to browse: sign-in reaches the README's emulator (the fixtures fail the test on any
  // request that leaves this machine) and Graph answers through it.
  const origin = `http://localhost:${PORTS.consoles[0]}`;
  await signIn(page, DEMO_ACCOUNTS.helpdesk, origin);
  await expect(page.getByTestId('results-status')).toHaveText(/shown/, { timeout: 30_000 });
  const written = readFileSync(LOGS.recipe, 'utf8');
  expect(written).not.toMatch(/eyJ[A-Za-z0-9_-]{10}/);
  expect(written).not.toContain(password);
});

test('a database the console role does not own: the cause is logged at start-up and /api/health says it', async () => {
  // What a reader who skipped OWNER gets on PostgreSQL 15: the database belongs to postgres.
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  try {
    await admin.query('CREATE DATABASE misowned');
  } finally {
    await admin.end();
  }
  const log = createWriteStream(LOGS.misowned);
  const server = spawn(process.execPath, ['.next/standalone/server.js'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOSTNAME: '127.0.0.1',
      PORT: String(PORTS.misowned),
      AUTH_CLIENT_ID: readmeBlock('emulator').match(/AUTH_CLIENT_ID=(\S+)/)?.[1] ?? '',
      AUTH_TENANT_ID: readmeBlock('emulator').match(/AUTH_TENANT_ID=(\S+)/)?.[1] ?? '',
      DATABASE_URL: readerEnv.DATABASE_URL?.replace(/\/passcode_desk$/, '/misowned') ?? '',
    },
  });
  misowned = server;
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  // Logged by the start-up itself, before anything asks the instance for anything.
  const cause = () =>
    (existsSync(LOGS.misowned) ? readFileSync(LOGS.misowned, 'utf8') : '')
      .split('\n')
      .find((l) => l.includes('permission denied for schema public'));
  await expect.poll(cause, { timeout: 30_000 }).toBeTruthy();
  expect(JSON.parse(cause() ?? '{}')).toMatchObject({ source: 'audit-db', stage: 'migrate' });

  let res: Response | undefined;
  await expect
    .poll(
      async () => {
        res = await fetch(`http://127.0.0.1:${PORTS.misowned}/api/health`).catch(() => undefined);
        return res?.status;
      },
      { timeout: 30_000 },
    )
    .toBe(503);
  const text = (await res?.text()) ?? '';
  expect(JSON.parse(text)).toMatchObject({
    status: 'failing',
    checks: {
      database: { ok: true, dialect: 'postgres' },
      migrations: {
        ok: false,
        error: expect.stringContaining('permission denied for schema public'),
      },
    },
  });
  for (const written of [text, readFileSync(LOGS.misowned, 'utf8')]) {
    expect(written).not.toContain(password);
    expect(written).not.toMatch(/postgres(ql)?:\/\//);
  }
});
