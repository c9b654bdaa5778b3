// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder, start on a loopback port,
// remove it afterwards. Uses the Debian binaries that .ci/run installs (`apt-get install postgresql`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface TestPostgresOptions {
  /** A fixed port (a benchmark's documented one); a free one the system picks otherwise. */
  port?: number;
  /** Flush to disk on commit; off by default (a test's data need not survive a power cut). */
  fsync?: boolean;
}

export interface TestPostgres {
  /** The superuser's connection string (user postgres, database postgres, no password: trust). */
  url: string;
  port: number;
  /** The folder of the server's binaries (psql, pg_ctl), for tests that run PostgreSQL's own tools. */
  binDir: string;
  /** A new empty database on this server; its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Restarts the server with other settings (same port, same data). */
  restart(options: Pick<TestPostgresOptions, 'fsync'>): void;
  /**
   * Stops the server as an administrator would (`pg_ctl stop -m fast`: open connections are ended), keeping its
   * data, so that `startAgain` brings the same database back on the same port: a database outage.
   */
  halt(): void;
  /** Starts a halted server again (same port, same data). */
  startAgain(): void;
  stop(): void;
}

/** The newest installed PostgreSQL's binaries, or PG_BIN. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => join(base, v, 'bin'))
    .find((d) => existsSync(join(d, 'initdb')));
  if (!found)
    throw new Error(
      'PostgreSQL server binaries not found: install them with `apt-get install -y postgresql` (or set PG_BIN).',
    );
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'passcode-desk-pg-'));
  const asRoot = userInfo().uid === 0;
  // PostgreSQL refuses to run as root; as root, run it as the postgres user the Debian package creates.
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = options.port ?? (await freePort());
  const serverOptions = (fsync: boolean) =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync ? 'on' : 'off'}`;
  let fsyncNow = options.fsync ?? false;
  let halted = false;
  const pgCtl = (action: 'start' | 'restart', fsync: boolean) =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      ...(action === 'restart' ? ['-m', 'fast'] : []),
      '-o',
      serverOptions(fsync),
      action,
    ]);
  pgCtl('start', options.fsync ?? false);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    binDir: bin,
    async createDatabase(name: string) {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    restart({ fsync }) {
      fsyncNow = fsync ?? false;
      pgCtl('restart', fsyncNow);
    },
    halt() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      halted = true;
    },
    startAgain() {
      pgCtl('start', fsyncNow);
      halted = false;
    },
    stop() {
      try {
        if (!halted) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
