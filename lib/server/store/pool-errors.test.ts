// PostgreSQL ending the pool's connections (a restart, a failover) is logged once per outage, at warn, with the code
// and the message only, and never thrown: without a listener, pg's Pool turned it into an uncaughtException that
// dumped the client and its cancel secretKey.
import { EventEmitter } from 'node:events';
import { Pool, type PoolClient } from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { currentLogContext, runWithLogContext } from '@/lib/server/log/context';
import { watchPoolErrors, type Outage } from './pool-errors';

function terminated() {
  return Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
    client: { processID: 4242, secretKey: 1640720473 },
  });
}

function watched() {
  // A pool that never connects: the test plays PostgreSQL's part by emitting what pg-pool emits.
  const pool = new Pool({ connectionString: 'postgres://u:pw-123@127.0.0.1:1/db' });
  const log = { warn: vi.fn(), info: vi.fn() };
  const outage: Outage = { down: false };
  watchPoolErrors(pool, { log, outage, databaseUrl: 'postgres://u:pw-123@127.0.0.1:1/db' });
  return { pool, log, outage };
}

describe('watchPoolErrors', () => {
  it('an idle connection ended by the database: logged at warn with code and message, not thrown', () => {
    const { pool, log } = watched();
    const e = terminated();
    expect(() => pool.emit('error', e, e.client)).not.toThrow();
    expect(log.warn).toHaveBeenCalledTimes(1);
    const [fields, message] = log.warn.mock.calls[0] as [Record<string, unknown>, string];
    expect(fields).toEqual({
      source: 'audit-db',
      event: 'connectionLost',
      code: '57P01',
      error: 'terminating connection due to administrator command',
    });
    expect(message).toContain('terminating connection due to administrator command');
    expect(JSON.stringify(log.warn.mock.calls)).not.toMatch(/secretKey|1640720473|pw-123/);
  });

  it('once per outage: every further connection the restart ends says nothing more', () => {
    const { pool, log } = watched();
    for (let i = 0; i < 10; i++) pool.emit('error', terminated(), {});
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('a new connection ends the outage (said at info), and the next loss is logged again', () => {
    const { pool, log, outage } = watched();
    pool.emit('error', terminated(), {});
    const client = new EventEmitter() as unknown as PoolClient;
    pool.emit('connect', client);
    expect(outage.down).toBe(false);
    expect(log.info).toHaveBeenCalledWith(
      { source: 'audit-db', event: 'connectionRestored' },
      'the audit database answers again',
    );
    // A connection in use when the database goes (no listener of the pool's on it): its own listener logs it.
    expect(() => client.emit('error', terminated())).not.toThrow();
    expect(log.warn).toHaveBeenCalledTimes(2);
  });

  it("the loss is no request's: logged outside the context of the request that once opened the connection", () => {
    const { pool, log } = watched();
    let context: unknown = 'not logged';
    log.warn.mockImplementation(() => {
      context = currentLogContext();
    });
    runWithLogContext(
      { route: '/api/devices', clientRequestId: 'c0ffee00-0000-4000-8000-000000000000' },
      () => pool.emit('error', terminated(), {}),
    );
    expect(context).toBeUndefined();
  });

  it('a connection made while all is well logs nothing', () => {
    const { pool, log } = watched();
    pool.emit('connect', new EventEmitter() as unknown as PoolClient);
    expect(log.info).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
  });
});
