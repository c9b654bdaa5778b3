// What `server-only` is for the benchmarks (see server-only.js).
