#!/usr/bin/env node
// Starts the emulator (emulator/main.ts, the same flags and environment) from one bundled file. Through tsx, a
// start spent ~1.5 s loading the emulator's modules before any seeding (tsx's own node process and loader thread,
// one resolution and transform per file, every one of Faker's locales); Node loads the esbuild bundle of the same
// sources and packages (only the locales the seed uses) in ~0.3 s. The bundle is kept under node_modules/.cache,
// named by the emulator's sources and the lock file (path, size, modification time), so an edit or an install
// makes a new one and a start never runs stale code; building it costs ~0.5 s once.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const cacheDir = join(root, 'node_modules', '.cache', 'passcode-desk-emulator');

function sourcesKey() {
  const hash = createHash('sha256');
  const add = (path) => {
    const s = statSync(path);
    hash.update(`${relative(root, path)}\0${s.size}\0${s.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) add(path);
    }
  };
  walk(join(root, 'emulator'));
  add(join(root, 'package-lock.json'));
  return hash.digest('hex').slice(0, 20);
}

async function bundle(file) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: ['emulator/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Emulators started side by side (one per test worker) may each build it: each writes its own file, then
    // renames it into place atomically.
    outfile: `${file}.${process.pid}.mjs`,
    logLevel: 'warning',
    // Packages written as CommonJS call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  renameSync(`${file}.${process.pid}.mjs`, file);
}

const name = `main-${sourcesKey()}.mjs`;
const file = join(cacheDir, name);
if (!existsSync(file)) {
  mkdirSync(cacheDir, { recursive: true });
  await bundle(file);
  // Bundles of older sources go after an hour (an emulator started from one a moment ago may still be loading it).
  for (const other of readdirSync(cacheDir)) {
    const path = join(cacheDir, other);
    if (other !== name && Date.now() - statSync(path).mtimeMs > 3_600_000)
      rmSync(path, { force: true });
  }
}
await import(pathToFileURL(file).href);
