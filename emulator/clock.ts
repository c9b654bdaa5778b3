// The emulator's clock. Everything time-dependent (token lifetimes, sync times, action progress) reads it,
// so that tests can move time instead of waiting for it.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
