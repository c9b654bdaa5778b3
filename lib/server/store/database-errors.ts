import 'server-only';
// What a failure of the console's own database is, and all that is ever said of it: the driver's code (ECONNREFUSED,
// PostgreSQL's 57P01, SQLITE_BUSY…) and the database's message without any connection string. Failing store calls
// become one error type, StoreUnavailableError, so that a server action answers "the console cannot record this"
// and a route handler 503 instead of throwing. Never the driver's error object itself: a pg error can carry its
// client, with the backend's cancel secretKey.

/**
 * What went wrong with the database, in the database's own words (e.g. PostgreSQL's "permission denied for schema
 * public"), fit for a log line and the health answer: never the connection string or its password, which some
 * drivers' messages could echo.
 */
export function databaseErrorText(e: unknown, databaseUrl?: string): string {
  let text = messageOf(e);
  if (databaseUrl) {
    text = text.split(databaseUrl).join('<DATABASE_URL>');
    const passwords: string[] = [];
    try {
      const raw = new URL(databaseUrl).password;
      passwords.push(raw, decodeURIComponent(raw));
    } catch {
      // not a URL: nothing more to recognise
    }
    for (const p of passwords) if (p) text = text.split(p).join('<password>');
  }
  return text.replace(/postgres(ql)?:\/\/\S+/gi, '<connection string>').slice(0, 500);
}

/** An error's message; Node's AggregateError for a refused connection (every address of a host) has none of its own. */
function messageOf(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.message) return e.message;
  if (e instanceof AggregateError) {
    const inner = (e.errors as unknown[]).map(messageOf).filter(Boolean);
    if (inner.length > 0) return [...new Set(inner)].join('; ');
  }
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e.name;
}

/** Thrown when the database cannot be reached, or reached but not brought to the current schema. */
export class AuditDbError extends Error {
  constructor(
    readonly stage: 'connect' | 'migrate',
    /** The database's own message, scrubbed (databaseErrorText). */
    readonly reason: string,
    /** The driver's or the system's code (ECONNREFUSED, 42501…), where it gave one. */
    readonly code: string | null = null,
  ) {
    super(
      stage === 'connect'
        ? `The audit database cannot be reached: ${reason}`
        : `The audit database could not be prepared (migrations failed): ${reason}`,
    );
  }
}

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    /** The driver's or the system's code, where it gave one. */
    readonly code: string | null,
    /** The database's own message, scrubbed (databaseErrorText). */
    readonly reason: string,
  ) {
    super(`The audit database failed: ${reason}`);
  }
}

/** The code and the scrubbed message of a database failure: all that is ever logged or answered of it. */
export function databaseFailureSummary(
  e: unknown,
  databaseUrl?: string,
): { code: string | null; message: string } {
  if (e instanceof StoreUnavailableError) return { code: e.code, message: e.reason };
  if (e instanceof AuditDbError) return { code: e.code, message: e.reason };
  return { code: driverCode(e), message: databaseErrorText(e, databaseUrl) };
}

/** The code a driver or Node gave its error (ECONNREFUSED, 57P01, SQLITE_BUSY), if it is a plain word. */
export function driverCode(e: unknown): string | null {
  const raw: unknown =
    typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : null;
  return typeof raw === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(raw) ? raw : null;
}

export function storeFailure(e: unknown, databaseUrl?: string): StoreUnavailableError {
  if (e instanceof StoreUnavailableError) return e;
  const { code, message } = databaseFailureSummary(e, databaseUrl);
  return new StoreUnavailableError(code, message);
}

/**
 * The same object, but every method that fails (a rejected promise or a throw) fails with a StoreUnavailableError.
 * For the store's classes (AuditStore, RateLimits, …), whose methods do nothing but query the database, so anything
 * they throw is the database's failure.
 */
export function failingAsStoreUnavailable<T extends object>(target: T, databaseUrl?: string): T {
  const fail = (e: unknown) => storeFailure(e, databaseUrl);
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        let result: unknown;
        try {
          result = Reflect.apply(value, obj, args);
        } catch (e) {
          throw fail(e);
        }
        return result instanceof Promise
          ? result.catch((e: unknown) => {
              throw fail(e);
            })
          : result;
      };
    },
  });
}
