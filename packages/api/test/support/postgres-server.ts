import { readFileSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitUntil } from '@opsctl/health-kit/testing';
import pg from 'pg';
import { run, startProcess, type RunningProcess } from './child-process.js';
import { freePort } from './free-port.js';

const BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  readonly port: number;
  readonly password: string;
  /** Connection URL for a database (default `postgres`). */
  url(database?: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown (as when the database server goes down). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  /** Freezes / thaws the server process: a database that stops answering without closing. */
  freeze(): void;
  thaw(): void;
  /** Stops it and removes its data directory. */
  dispose(): Promise<void>;
}

/**
 * A real PostgreSQL 15 (Debian package) on 127.0.0.1 with a throwaway data directory and
 * password authentication. Runs as the `postgres` user when the tests run as root.
 */
export async function startPostgres(password = 'pg-test-password-31'): Promise<PostgresServer> {
  const dir = await mkdtemp('/tmp/opsctl-api-pg-');
  const data = join(dir, 'data');
  const owner = await postgresUser();
  await writeFile(join(dir, 'pwfile'), `${password}\n`);
  if (owner) {
    await chown(dir, owner.uid, owner.gid);
    await chown(join(dir, 'pwfile'), owner.uid, owner.gid);
  }
  const as = owner ?? {};
  await run(
    `${BIN}/initdb`,
    [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=scram-sha-256',
      `--pwfile=${join(dir, 'pwfile')}`,
      '-E',
      'UTF8',
      '--no-sync',
    ],
    as,
  );
  const port = await freePort();
  const url = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let server: RunningProcess | undefined;

  const start = async (): Promise<void> => {
    server = startProcess(
      `${BIN}/postgres`,
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
      ],
      as,
    );
    const current = server;
    await waitUntil(async () => {
      if (!current.running()) throw new Error(`postgres exited: ${current.stderr()}`);
      const client = new pg.Client({ connectionString: url() });
      try {
        await client.connect();
        return true;
      } finally {
        await client.end().catch(() => undefined);
      }
    }, 'PostgreSQL accepts connections');
  };
  const stop = async (): Promise<void> => {
    await server?.stop('SIGINT');
  };
  await start();

  return {
    port,
    password,
    url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
    start,
    // The backends serving open connections are the postmaster's children (each in its own
    // session), so they are signalled one by one.
    freeze: () => {
      if (server) signalTree(server.pid, 'SIGSTOP');
    },
    thaw: () => {
      if (server) signalTree(server.pid, 'SIGCONT');
    },
    dispose: async () => {
      if (server?.running()) signalTree(server.pid, 'SIGCONT');
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The `postgres` account to run the server as when the tests run as root (initdb refuses root). */
export async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** Sends `signal` to a process and all its descendants (found through /proc). */
function signalTree(pid: number, signal: NodeJS.Signals): void {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number);
  } catch {
    // Already gone.
  }
  try {
    process.kill(pid, signal);
  } catch {
    // Exited meanwhile.
  }
  for (const child of children) signalTree(child, signal);
}
