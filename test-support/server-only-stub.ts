// Stands in for the `server-only` package under vitest, which runs server modules outside React's server build.
export {};
