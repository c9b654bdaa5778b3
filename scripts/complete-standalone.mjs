#!/usr/bin/env node
// `next build` with output: 'standalone' leaves out the static assets and public/ (a CDN usually serves
// them); copy them in so that `node .next/standalone/server.js` serves the whole console by itself. And Next prints
// its start-up banner before it loads instrumentation.ts, so the server first installs the console's JSON logging
// from that same module (Node caches it; Next's own load a moment later gets the same instance): every line the
// server writes is JSON, the banner included.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const standalone = join(root, '.next', 'standalone');
const server = join(standalone, 'server.js');
if (!existsSync(server)) {
  console.error('No .next/standalone/server.js: run `next build` first.');
  process.exit(1);
}
cpSync(join(root, '.next', 'static'), join(standalone, '.next', 'static'), { recursive: true });
if (existsSync(join(root, 'public')))
  cpSync(join(root, 'public'), join(standalone, 'public'), { recursive: true });

const MARK = '// passcode-desk: JSON logging before the start-up banner';
const ANCHOR = "require('next')\n";
const source = readFileSync(server, 'utf8');
if (!source.includes(MARK)) {
  if (!source.includes(ANCHOR)) {
    console.error(
      `.next/standalone/server.js has no ${JSON.stringify(ANCHOR.trim())} line: Next's standalone server changed; update scripts/complete-standalone.mjs.`,
    );
    process.exit(1);
  }
  const prelude = `${MARK}\nrequire('./.next/server/instrumentation.js').installJsonLogging()\n`;
  writeFileSync(server, source.replace(ANCHOR, `${prelude}${ANCHOR}`));
}
