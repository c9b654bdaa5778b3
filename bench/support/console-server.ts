// Starting the console as it ships (the standalone server of `npm run build`) against a running emulator, on a
// port of the benchmarks' range, with a fresh audit database, and stopping it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT_ID, TENANT_ID } from '../../emulator/constants';

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  /** The pid of the node process that serves (for /proc/<pid>/status). */
  pid: number;
  stop(): Promise<void>;
}

export async function waitForOk(
  url: string,
  timeoutMs = 60_000,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

export async function startConsole(opts: {
  port: number;
  emulatorOrigin: string;
  emulatorPort: number;
  env?: Record<string, string>;
  dataDir?: string;
}): Promise<RunningServer & { dataDir: string }> {
  if (!existsSync('.next/standalone/server.js'))
    throw new Error('no build: run `npm run build` first');
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'passcode-desk-bench-data-'));
  const child = spawn(process.execPath, ['.next/standalone/server.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOSTNAME: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_CLIENT_ID: DEMO_CLIENT_ID,
      AUTH_TENANT_ID: TENANT_ID,
      AUTH_AUTHORITY: `https://localhost:${opts.emulatorPort}`,
      AUTH_ENDPOINTS_ORIGIN: opts.emulatorOrigin,
      GRAPH_BASE_URL: opts.emulatorOrigin,
      DATA_DIR: dataDir,
      ...opts.env,
    },
  });
  const origin = `http://localhost:${opts.port}`;
  await waitForOk(`http://127.0.0.1:${opts.port}/redirect`, 60_000, child);
  return { origin, process: child, pid: child.pid ?? -1, dataDir, stop: stopper(child) };
}

/** The bare Next.js app of bench/bare-next, built standalone (bench/support/bare-next-build.ts). */
export async function startBareNext(opts: {
  port: number;
  emulatorOrigin: string;
  serverJs: string;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const child = spawn(process.execPath, [opts.serverJs], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOSTNAME: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      GRAPH_BASE_URL: opts.emulatorOrigin,
      ...opts.env,
    },
  });
  await waitForOk(`http://127.0.0.1:${opts.port}/api/health`, 60_000, child);
  return {
    origin: `http://localhost:${opts.port}`,
    process: child,
    pid: child.pid ?? -1,
    stop: stopper(child),
  };
}
