// Preloaded (`node --require`) by the benchmarks that load the console's server modules in plain Node. `server-only`
// throws outside React's server build, and Node's `react-server` condition, which would silence it, also turns
// `react` into its server build, where next-intl's client provider (pulled in by `createTranslator`) cannot load.
// So only `server-only` is answered, with an empty module, as vitest does (test-support/server-only-stub.ts).
const Module = process.getBuiltinModule('node:module');
const { join } = process.getBuiltinModule('node:path');

const empty = join(__dirname, 'server-only-empty.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveServerOnly(request, ...rest) {
  return request === 'server-only' ? empty : resolve.call(this, request, ...rest);
};
