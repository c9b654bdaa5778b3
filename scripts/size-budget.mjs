#!/usr/bin/env node
// First-load JavaScript per page, gzipped, from the build output: the chunks Next.js lists for each route
// (.next/diagnostics/route-bundle-stats.json), each compressed with zlib gzip level 9, summed; the biggest chunks;
// and, when the Turbopack analyzer's data is there (`--analyze` makes it), the biggest npm packages. Exits 1 when
// a page is over its enforced limit, 2 when the build output is missing.
//
//   node scripts/size-budget.mjs                      # pages / and /devices/[id]: target 250 KB, enforced limits below
//   node scripts/size-budget.mjs --analyze            # also per package (runs `next analyze --output` if stale, ~40 s)
//   node scripts/size-budget.mjs --budget=200 --routes=/,/devices/[id] --json   # --budget: target and limit alike
//
// Part of `npm test` (`npm run size-budget` after the build in `test:e2e`). The target is 250 KB a page (issue 11).
// The pages do not reach it yet, so what fails the tests is a ratchet: each page's limit is its measured figure
// rounded up to the next 5 KB (LIMITS_KB), and the output says by how much the target is missed. Lower a limit
// when a page gets lighter (never raise it); once a page is within the target, its limit is the target.
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
/** The stated target for every page (issue 11). */
const TARGET_KB = 250;
/**
 * What `npm test` enforces per page while the target is missed: the figure measured on 2026-11-29 (bench/README.md,
 * "First-load JS") rounded up to the next 5 KB. A ratchet: only ever lowered, down to the target.
 */
// Raised once, by 15/17 (four-eyes): its parts on these pages load on first use, and what stays (the header's
// Approvals link and role check, the tray's decision toast and the approval line of Copy for ticket, the lazy
// loaders) measured 291.3 and 276.5 KB. 17/17 replaces the ratchet with the 250 KB budget.
// Lowered by 17/17's first step (catalogs compiled at build time, no ICU parser shipped): 285.3 and 271.0 KB.
const LIMITS_KB = { '/': 290, '/devices/[id]': 275 }; // measured 2026-12-03
const budgetKb = Number(args.get('budget') ?? TARGET_KB);
/** The limit that fails the check: `--budget` when given, else the page's ratchet (the target for other routes). */
const limitOf = (route) =>
  args.has('budget') ? budgetKb : Math.max(TARGET_KB, LIMITS_KB[route] ?? TARGET_KB);
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
  const limitKb = limitOf(route);
  report.push({
    route,
    gzipBytes: gzip,
    rawBytes: raw,
    budgetBytes: budgetKb * KB,
    limitKb,
    missedBy: Math.max(0, gzip - budgetKb * KB),
    over: gzip > limitKb * KB,
    chunks,
    packages,
  });
}

if (asJson) {
  console.log(JSON.stringify({ budgetKb, kb: KB, routes: report }, null, 2));
} else {
  for (const r of report) {
    const target =
      r.missedBy > 0
        ? `target ${budgetKb} KB: MISSED by ${kb(r.missedBy)}`
        : `target ${budgetKb} KB: within`;
    const limit =
      r.limitKb === budgetKb
        ? ''
        : `; enforced limit ${r.limitKb} KB (ratchet): ${r.over ? 'OVER' : 'within'}`;
    log(
      `\n${r.route}: first-load JS ${kb(r.gzipBytes)} gzip (${kb(r.rawBytes)} uncompressed, ${r.chunks.length} chunks), ${target}${limit}${r.over && !limit ? ' (OVER)' : ''}`,
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
    `First-load JS over its limit: ${over.map((r) => `${r.route} ${kb(r.gzipBytes)} > ${r.limitKb} KB`).join(', ')}`,
  );
process.exit(over.length > 0 ? 1 : 0);
