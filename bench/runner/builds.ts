// The builds the benchmarks measure: the console's standalone server (`npm run build`) and the bare Next.js app
// of the read-overhead benchmark. Each is rebuilt only when a source is newer than its last build, so a second
// `npm run bench` measures at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildStep {
  name: string;
  built: boolean;
  ms: number;
  reason: string;
}

/** The newest modification time under these files and folders (node_modules and build output left out). */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    const s = statSync(path);
    if (!s.isDirectory()) {
      newest = Math.max(newest, s.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) {
      if (entry === 'node_modules' || entry === '.next') continue;
      walk(join(path, entry));
    }
  };
  paths.forEach(walk);
  return newest;
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): void {
  const r = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

const CONSOLE_SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'instrumentation-client.ts',
  'package-lock.json',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
];

export function ensureConsoleBuild(root: string, force: boolean): BuildStep {
  const buildId = join(root, '.next', 'standalone', '.next', 'BUILD_ID');
  const stale =
    !existsSync(buildId) ||
    statSync(buildId).mtimeMs < newestMtime(CONSOLE_SOURCES.map((p) => join(root, p)));
  if (!force && !stale)
    return { name: 'console build (npm run build)', built: false, ms: 0, reason: 'up to date' };
  const started = performance.now();
  run('npm', ['run', 'build'], root, 8 * 60_000);
  return {
    name: 'console build (npm run build)',
    built: true,
    ms: performance.now() - started,
    reason: force ? 'forced' : 'sources newer than the build',
  };
}

/**
 * Turbopack compiles only inside its root, and the bare app's root is its own folder (see its next.config.js): it
 * gets a node_modules of hard links to the repository's, the very same files, remade when the repository's change.
 */
function mirrorNodeModules(root: string): void {
  const bare = join(root, 'bench', 'bare-next');
  const lock = statSync(join(root, 'node_modules', '.package-lock.json'));
  const stamp = `${lock.mtimeMs}:${lock.size}`;
  const stampFile = join(bare, 'node_modules', '.mirror-of-repository');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  rmSync(join(bare, 'node_modules'), { recursive: true, force: true });
  run('cp', ['-al', join(root, 'node_modules'), join(bare, 'node_modules')], root, 120_000);
  writeFileSync(stampFile, stamp);
}

export function bareNextServer(root: string): string {
  return join(root, 'bench', 'bare-next', '.next', 'standalone', 'server.js');
}

export function ensureBareBuild(root: string, force: boolean): BuildStep {
  const bare = join(root, 'bench', 'bare-next');
  const started = performance.now();
  mirrorNodeModules(root);
  const buildId = join(bare, '.next', 'BUILD_ID');
  const sources = ['app', 'next.config.js', 'tsconfig.json'].map((p) => join(bare, p));
  const stale =
    !existsSync(bareNextServer(root)) ||
    !existsSync(buildId) ||
    statSync(buildId).mtimeMs <
      Math.max(
        newestMtime(sources),
        statSync(join(bare, 'node_modules', '.mirror-of-repository')).mtimeMs,
      );
  if (!force && !stale)
    return {
      name: 'bare Next.js app build (bench/bare-next)',
      built: false,
      ms: 0,
      reason: 'up to date',
    };
  // Its own node_modules/.bin/next: the same files as the repository's, resolved inside this root, so one React.
  run(join(bare, 'node_modules', '.bin', 'next'), ['build'], bare, 4 * 60_000);
  return {
    name: 'bare Next.js app build (bench/bare-next)',
    built: true,
    ms: performance.now() - started,
    reason: force ? 'forced' : 'sources newer than the build',
  };
}
