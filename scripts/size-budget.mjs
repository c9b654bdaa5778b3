#!/usr/bin/env node
// First-load JavaScript per page, gzipped, from the build output: the chunks Next.js lists for each route
// (.next/diagnostics/route-bundle-stats.json), each compressed with zlib gzip level 9, summed; the biggest chunks;
// and, when the Turbopack analyzer's data is there (`--analyze` makes it), the biggest npm packages. Exits 1 when
// a page is over the budget, 2 when the build output is missing.
//
//   node scripts/size-budget.mjs                      # pages / and /devices/[id] against 250 KB each
//   node scripts/size-budget.mjs --analyze            # also per package (runs `next analyze --output` if stale, ~40 s)
//   node scripts/size-budget.mjs --budget=200 --routes=/,/devices/[id] --json   # another budget, other routes
//
// Part of `npm test` (`npm run size-budget` after the build in `test:e2e`): 250 KB a page (issues 11 and 17/17),
// enforced as it is, not a ratchet. First load means the chunks the build lists for the route: what the page loads
// with `import()` once it runs (MSAL as it starts, dialogs on first use) is not in it.
//
// 1 KB = 1,024 bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.cwd();
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
/** The budget for every page (issue 11; enforced since 17/17). */
const BUDGET_KB = 250;
const budgetKb = Number(args.get('budget') ?? BUDGET_KB);
const routes = (args.get('routes') ?? '/,/devices/[id]').split(',');
const asJson = args.has('json');
const TOP = Number(args.get('top') ?? 8);

const KB = 1024;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const log = (line) => {
  if (!asJson) console.log(line);
};

const statsFile = join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
const buildIdFile = join(root, '.next', 'BUILD_ID');
if (!existsSync(statsFile) || !existsSync(buildIdFile)) {
  console.error(`No build output (${statsFile}): run \`npm run build\` first.`);
  process.exit(2);
}

/** @type {{ route: string, firstLoadChunkPaths: string[] }[]} */
const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
const gzipped = new Map();
/** The chunk's gzip size, level 9 (what a server compressing at its best would send). */
function gzipSize(path) {
  if (!gzipped.has(path))
    gzipped.set(path, gzipSync(readFileSync(join(root, path)), { level: 9 }).length);
  return gzipped.get(path);
}

/** The npm package (or the app's own folder) a module comes from, by its path in the analyzer's data. */
export function ownerOf(sourcePath) {
  const path = sourcePath.replace(/^\[project\]\//, '');
  const compiled = /^node_modules\/next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (compiled) return `${compiled[1]} (bundled in next)`;
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  const [first, second] = path.split('/');
  return second ? `app code: ${first}/${second}` : `app code: ${first}`;
}

/** Runs the Turbopack analyzer when its data is older than the build (it does not touch the build itself). */
function ensureAnalysis() {
  const data = join(root, '.next', 'diagnostics', 'analyze', 'data');
  const fresh = existsSync(data) && statSync(data).mtimeMs >= statSync(buildIdFile).mtimeMs;
  if (fresh) return true;
  if (!args.has('analyze')) return false;
  log('Running `next analyze --output` for per-package figures (about 40 s)…');
  const r = spawnSync(join(root, 'node_modules', '.bin', 'next'), ['analyze', '--output'], {
    cwd: root,
    stdio: ['ignore', asJson ? 'ignore' : 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return r.status === 0;
}

/** Uncompressed bytes per package in the route's client chunks (the analyzer's own build of the same sources). */
function packagesOf(route) {
  const r = spawnSync(
    join(root, 'node_modules', '.bin', 'next'),
    ['analyze', 'export', '--route', route],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (r.status !== 0) return null;
  const polyfills = new Set(
    JSON.parse(readFileSync(join(root, '.next', 'build-manifest.json'), 'utf8')).polyfillFiles.map(
      (p) => p.replace(/^static\/chunks\//, ''),
    ),
  );
  // Chunks of an async group (an `import()` the page makes when it needs it, e.g. the confirm dialog) are not
  // first-load JS: leave them out, as the build's first-load chunk lists do.
  const onDemand = new Set();
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{"type":"group"')) continue;
    const group = JSON.parse(line);
    if (group.kind === 'async') for (const file of group.outputs ?? []) onDemand.add(String(file));
  }
  const bytes = new Map();
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{"type":"part"')) continue;
    const part = JSON.parse(line);
    const file = String(part.filename);
    // The browser's JavaScript only: not the server's chunks, the stylesheets, or the polyfills only old browsers load.
    if (
      !file.startsWith('[client-fs]/') ||
      !file.endsWith('.js') ||
      polyfills.has(file.split('/').pop()) ||
      onDemand.has(file)
    )
      continue;
    const owner = ownerOf(String(part.source_path));
    bytes.set(owner, (bytes.get(owner) ?? 0) + Number(part.size));
  }
  return bytes;
}

const analysed = ensureAnalysis();
const report = [];
for (const route of routes) {
  const entry = stats.find((s) => s.route === route);
  if (!entry) {
    console.error(
      `No route ${route} in ${statsFile}; routes: ${stats.map((s) => s.route).join(', ')}`,
    );
    process.exit(2);
  }
  const chunks = entry.firstLoadChunkPaths
    .map((p) => {
      const path = p.replace(/^\.next\//, '.next/');
      return {
        file: path.split('/').pop(),
        bytes: statSync(join(root, path)).size,
        gzip: gzipSize(path),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const gzip = chunks.reduce((n, c) => n + c.gzip, 0);
  const raw = chunks.reduce((n, c) => n + c.bytes, 0);
  const pkgBytes = analysed ? packagesOf(route) : null;
  const pkgTotal = pkgBytes ? [...pkgBytes.values()].reduce((n, b) => n + b, 0) : 0;
  // A package's gzip share is estimated from its share of the uncompressed bytes: gzip works across module borders.
  const packages = pkgBytes
    ? [...pkgBytes]
        .map(([name, bytes]) => ({
          name,
          bytes,
          gzipEstimate: Math.round((bytes / pkgTotal) * gzip),
        }))
        .sort((a, b) => b.bytes - a.bytes)
    : null;
  report.push({
    route,
    gzipBytes: gzip,
    rawBytes: raw,
    budgetBytes: budgetKb * KB,
    missedBy: Math.max(0, gzip - budgetKb * KB),
    over: gzip > budgetKb * KB,
    chunks,
    packages,
  });
}

if (asJson) {
  console.log(JSON.stringify({ budgetKb, kb: KB, routes: report }, null, 2));
} else {
  for (const r of report) {
    const verdict = r.over
      ? `budget ${budgetKb} KB: OVER by ${kb(r.missedBy)}`
      : `budget ${budgetKb} KB: within (${kb(budgetKb * KB - r.gzipBytes)} to spare)`;
    log(
      `\n${r.route}: first-load JS ${kb(r.gzipBytes)} gzip (${kb(r.rawBytes)} uncompressed, ${r.chunks.length} chunks), ${verdict}`,
    );
    log('  biggest chunks (gzip):');
    for (const c of r.chunks.slice(0, TOP))
      log(`    ${kb(c.gzip).padStart(9)}  ${c.file} (${kb(c.bytes)} uncompressed)`);
    if (r.packages) {
      log('  biggest packages (uncompressed bytes in the chunks; gzip estimated by share):');
      for (const p of r.packages.slice(0, TOP))
        log(`    ${kb(p.gzipEstimate).padStart(9)}  ${p.name} (${kb(p.bytes)} uncompressed)`);
    } else {
      log('  per package: run with --analyze (runs `next analyze --output` once per build)');
    }
  }
}
const over = report.filter((r) => r.over);
if (over.length > 0)
  console.error(
    `First-load JS over the budget: ${over.map((r) => `${r.route} ${kb(r.gzipBytes)} > ${budgetKb} KB`).join(', ')}`,
  );
process.exit(over.length > 0 ? 1 : 0);
