// What is ever said of a database failure (the driver's code and its scrubbed message, never the error object), and
// the stores' methods failing as one typed error, which server actions and route handlers answer in words.
import { describe, expect, it } from 'vitest';
import {
  AuditDbError,
  databaseFailureSummary,
  failingAsStoreUnavailable,
  storeFailure,
  StoreUnavailableError,
} from './database-errors';

const URL_WITH_PASSWORD = 'postgres://passcode_desk:s3cr%40t-pw@db.internal:5432/passcode_desk';

/** What pg-pool hands its 'error' listeners when PostgreSQL ends an idle connection: the client rides along. */
function terminatedConnection() {
  return Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
    severity: 'FATAL',
    client: {
      processID: 4242,
      secretKey: 1640720473,
      connectionParameters: { password: 's3cr@t-pw', host: 'db.internal' },
    },
  });
}

describe('databaseFailureSummary', () => {
  it("keeps PostgreSQL's code and message, and nothing of the client (its cancel secretKey, its password)", () => {
    const summary = databaseFailureSummary(terminatedConnection(), URL_WITH_PASSWORD);
    expect(summary).toEqual({
      code: '57P01',
      message: 'terminating connection due to administrator command',
    });
    expect(JSON.stringify(summary)).not.toMatch(/1640720473|secretKey|s3cr|4242/);
  });

  it("words Node's refused connection to every address of a host, which has no message of its own", () => {
    const refused = Object.assign(
      new AggregateError(
        [
          Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
          Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
            code: 'ECONNREFUSED',
          }),
        ],
        '',
      ),
      { code: 'ECONNREFUSED' },
    );
    expect(databaseFailureSummary(refused)).toEqual({
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432',
    });
  });

  it('removes a connection string the message quotes, and takes no code that is not a plain word', () => {
    const e = Object.assign(new Error(`cannot connect to ${URL_WITH_PASSWORD}`), {
      code: 'not a code\n{"level":"fatal"}',
    });
    const summary = databaseFailureSummary(e, URL_WITH_PASSWORD);
    expect(summary.code).toBeNull();
    expect(summary.message).not.toContain('s3cr');
    expect(summary.message).toContain('<DATABASE_URL>');
  });

  it("keeps the reason of the console's own migration and connection errors", () => {
    expect(
      databaseFailureSummary(new AuditDbError('migrate', 'permission denied for schema public')),
    ).toEqual({ code: null, message: 'permission denied for schema public' });
  });
});

describe('failingAsStoreUnavailable', () => {
  class Store {
    #calls = 0;
    constructor(private readonly fail: unknown) {}
    async read(): Promise<number> {
      this.#calls++;
      return this.#calls;
    }
    async write(): Promise<void> {
      throw this.fail;
    }
    count(): number {
      return this.#calls;
    }
  }

  it('answers as the store does while it works (its own fields and private state intact)', async () => {
    const store = failingAsStoreUnavailable(new Store(null));
    expect(await store.read()).toBe(1);
    expect(await store.read()).toBe(2);
    expect(store.count()).toBe(2);
    expect(store).toBeInstanceOf(Store);
  });

  it('turns every failing call into a StoreUnavailableError with the code and the scrubbed message only', async () => {
    const store = failingAsStoreUnavailable(new Store(terminatedConnection()), URL_WITH_PASSWORD);
    const failure = await store.write().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(failure).toMatchObject({
      code: '57P01',
      reason: 'terminating connection due to administrator command',
    });
    expect(Object.keys(failure as object)).not.toContain('client');
    expect(JSON.stringify(failure)).not.toMatch(/secretKey|1640720473/);
  });

  it('leaves an error that is already a store failure as it is', () => {
    const e = new StoreUnavailableError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
    expect(storeFailure(e)).toBe(e);
  });
});
