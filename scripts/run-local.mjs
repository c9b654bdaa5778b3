#!/usr/bin/env node
// `npm run demo` and `npm run dev`: start the Entra ID + Intune Graph emulator and the console against it,
// print where to go and who can sign in, and stop both on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mode = process.argv[2] === 'dev' ? 'dev' : 'demo';
const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const consolePort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);
const consoleOrigin = `http://localhost:${consolePort}`;
const emulatorOrigin = `http://localhost:${emulatorPort}`;

const children = [];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function start(name, command, args, env) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (line) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) console.log(prefix(line));
    });
  }
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(prefix(`stopped unexpectedly (exit code ${code}); stopping everything.`));
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

/** The newest modification time under the console's source folders. */
function newestSource(dirs) {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const d of dirs) walk(join(root, d));
  for (const f of ['package.json', 'next.config.js', 'postcss.config.mjs'])
    newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

/** Polls `url` until it answers 2xx, and returns that response. */
async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

if (mode === 'demo') {
  const buildId = join(root, '.next', 'standalone', '.next', 'BUILD_ID');
  if (
    !existsSync(buildId) ||
    statSync(buildId).mtimeMs < newestSource(['app', 'components', 'lib', 'public'])
  ) {
    console.log('Building the console (once; about half a minute)…');
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

start('emulator', process.execPath, ['emulator/start.mjs'], {
  EMULATOR_PORT: String(emulatorPort),
  EMULATOR_ORIGIN: emulatorOrigin,
  EMULATOR_MODE: mode === 'dev' ? 'demo' : mode,
  // Entra returns after sign-out only to a registered URI, matched exactly: the console's home page.
  EMULATOR_REDIRECT_URIS: `${consoleOrigin}/redirect,${consoleOrigin}/`,
});
const health = await waitFor(`${emulatorOrigin}/_emulator/health`, 30_000)
  .then((res) => res.json())
  .catch((e) => {
    console.error(`The emulator did not start: ${e.message}`);
    stop(1);
    return null;
  });
// The emulated Verified ID service (its demo app credential and verifier DID), so "Verify with Verified ID" works.
const verifiedId = health
  ? await fetch(`${emulatorOrigin}/_emulator/verified-id/settings`)
      .then((res) => (res.ok ? res.json() : null))
      .catch(() => null)
  : null;
// Four-eyes in the demo (issue 15/17): actions on the Executives' devices need a second agent's approval, and the
// approvers' group is e-mailed about each request; the environment may say otherwise (an empty value turns it off).
const groups = health?.groups ?? {};
const approval = {
  APPROVAL_REQUIRED: process.env.APPROVAL_REQUIRED ?? groups.executives?.id ?? '',
  APPROVAL_NOTIFY_TO: process.env.APPROVAL_NOTIFY_TO ?? groups.approvers?.id ?? '',
};
const fourEyesLine =
  process.env.APPROVAL_REQUIRED !== undefined
    ? `Four-eyes: APPROVAL_REQUIRED=${approval.APPROVAL_REQUIRED || '(empty: nothing needs approval)'} from the environment.`
    : groups.executives && groups.approvers
      ? `Four-eyes: passcode actions on devices of ${groups.executives.name} (${groups.executives.members.map((m) => m.name).join(', ')}) need a second agent's approval (${groups.approvers.members.map((m) => m.upn).join(' or ')}); requests are e-mailed to ${groups.approvers.mail}.`
      : null;
if (health) {
  const [command, args] =
    mode === 'dev'
      ? [bin('next'), ['dev', '-p', String(consolePort), '-H', '127.0.0.1']]
      : [process.execPath, ['.next/standalone/server.js']];
  start('console', command, args, {
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(consolePort),
    HOSTNAME: '127.0.0.1',
    AUTH_CLIENT_ID: health.clientId,
    AUTH_TENANT_ID: health.tenantId,
    AUTH_AUTHORITY: `https://localhost:${emulatorPort}`,
    AUTH_ENDPOINTS_ORIGIN: emulatorOrigin,
    GRAPH_BASE_URL: emulatorOrigin,
    // The standalone server changes into its own folder; keep the audit file in the checkout's .data.
    DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'),
    ...Object.fromEntries(Object.entries(approval).filter(([, v]) => v !== '')),
    ...(verifiedId
      ? {
          VERIFIED_ID_CLIENT_ID: verifiedId.clientId,
          VERIFIED_ID_CLIENT_SECRET: verifiedId.clientSecret,
          VERIFIED_ID_AUTHORITY: verifiedId.authority,
          VERIFIED_ID_ENDPOINT: verifiedId.endpoint,
          VERIFIED_ID_CALLBACK_URL: `http://127.0.0.1:${consolePort}/api/verified-id/callback`,
        }
      : {}),
  });
  await waitFor(`${consoleOrigin}/redirect`, 120_000).catch(() => undefined);
  const width = Math.max(...health.agents.map((a) => a.upn.length));
  console.log(
    [
      '',
      `Passcode Desk is running: open ${consoleOrigin}`,
      `Emulated tenant "${health.domain}" (${health.devices} devices, ${health.users} users) at ${emulatorOrigin}; nothing here talks to Microsoft.`,
      "Sign in as one of the demo accounts (no password, pick it on the emulator's login page):",
      ...health.agents.map((a) => `  ${a.upn.padEnd(width)}  ${a.name}: ${a.role}`),
      ...(verifiedId
        ? [
            `Verified ID: the caller's demo wallet (for "Verify with Verified ID") is at ${verifiedId.wallet}`,
          ]
        : []),
      ...(fourEyesLine ? [fourEyesLine] : []),
      `The owners' e-mails (sent when a passcode action is accepted, done or failed) and the approvers' land in the demo mailbox: ${emulatorOrigin}/_emulator/mailbox`,
      'Press Ctrl-C to stop both.',
      '',
    ].join('\n'),
  );
}
