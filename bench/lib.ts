// Shared pieces of the benchmarks: starting the emulator as its own process, signing in over HTTP as a
// browser would, and summarising timings.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { DEMO_CLIENT_ID, TENANT_ID } from '../emulator/constants';

export interface RunningEmulator {
  origin: string;
  process: ChildProcess;
  /** Milliseconds from spawn to the first healthy answer. */
  startupMs: number;
  stop(): Promise<void>;
}

export const BENCH_REDIRECT = 'http://localhost:3990/redirect';

export interface EmulatorLaunch {
  /** Redirect URIs besides the benchmarks' own, e.g. a console's `<origin>/redirect` and `<origin>/`. */
  redirectUris?: string[];
  /** A variant of the emulator's `emulator/main.ts` a benchmark needs, run through tsx; by default the emulator itself. */
  script?: string;
  /** Environment for the emulator's process, besides the benchmark's own. */
  env?: Record<string, string>;
}

export async function startEmulator(
  port: number,
  args: string[] = [],
  launch: EmulatorLaunch = {},
): Promise<RunningEmulator> {
  const origin = `http://localhost:${port}`;
  const started = performance.now();
  const redirects = [BENCH_REDIRECT, ...(launch.redirectUris ?? [])].join(',');
  // The emulator as `npm run emulator` starts it (one bundled file); a benchmark's own variant through tsx.
  const command = launch.script
    ? ['node_modules/.bin/tsx', launch.script]
    : [process.execPath, 'emulator/start.mjs'];
  const child = spawn(
    command[0]!,
    [
      ...command.slice(1),
      '--port',
      String(port),
      '--mode',
      'test',
      '--redirect-uris',
      redirects,
      ...args,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...launch.env },
    },
  );
  for (;;) {
    if (child.exitCode !== null) throw new Error(`emulator exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/_emulator/health`)).ok) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const startupMs = performance.now() - started;
  return {
    origin,
    process: child,
    startupMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The full authorization-code flow with PKCE against the emulator; returns the token response. */
export async function signInOverHttp(
  origin: string,
  upn: string,
  scope: string,
): Promise<{ access_token: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const base = `${origin}/${TENANT_ID}/oauth2/v2.0`;
  const q = new URLSearchParams({
    client_id: DEMO_CLIENT_ID,
    redirect_uri: BENCH_REDIRECT,
    response_type: 'code',
    scope: `${scope} openid profile offline_access`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 's',
    nonce: 'n',
  });
  const page = await (await fetch(`${base}/authorize?${q}`)).text();
  const pending = /name="pending" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ pending, login: upn }),
    redirect: 'manual',
  });
  const code =
    new URLSearchParams(new URL(login.headers.get('location') ?? '').hash.slice(1)).get('code') ??
    '';
  const res = await fetch(`${base}/token`, {
    method: 'POST',
    headers: { origin: 'http://localhost:3990' },
    body: new URLSearchParams({
      client_id: DEMO_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: BENCH_REDIRECT,
    }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { access_token: string };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function summary(samples: number[]): {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
} {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    median: percentile(s, 50),
    p95: percentile(s, 95),
    min: s[0] ?? NaN,
    max: s[s.length - 1] ?? NaN,
  };
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
