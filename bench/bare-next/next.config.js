// The bare Next.js app of the read-overhead benchmark (bench/read-overhead.ts): one route handler and nothing
// else, built and served by the same Next.js, React and Turbopack as the console.
// CommonJS on purpose, as the console's next.config.js: there is no package.json here to say otherwise.
//
// Turbopack compiles only files inside its root, and with the repository as root it also bundles the console's
// own instrumentation.ts and proxy.ts into this app. So the root is this folder, and bench/support/bare-next-build.ts
// gives it a node_modules of hard links to the repository's (the same files, no copy, no download).
/** @type {import('next').NextConfig} */
module.exports = {
  output: 'standalone',
  poweredByHeader: false,
  outputFileTracingRoot: __dirname,
  turbopack: { root: __dirname },
};
