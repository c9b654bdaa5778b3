#!/usr/bin/env node
// `next build` with output: 'standalone' leaves out the static assets and public/ (a CDN usually serves
// them); copy them in so that `node .next/standalone/server.js` serves the whole console by itself.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const standalone = join(root, '.next', 'standalone');
if (!existsSync(join(standalone, 'server.js'))) {
  console.error('No .next/standalone/server.js: run `next build` first.');
  process.exit(1);
}
cpSync(join(root, '.next', 'static'), join(standalone, '.next', 'static'), { recursive: true });
if (existsSync(join(root, 'public'))) cpSync(join(root, 'public'), join(standalone, 'public'), { recursive: true });
