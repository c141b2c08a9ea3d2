import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runOk, type RunResult } from '../../support/run.js';
import { freePort } from './free-port.js';

const BIN = '/usr/lib/postgresql/15/bin';

/** A throw-away PostgreSQL 15 server from Debian's binaries, run as user postgres on 127.0.0.1. */
export interface LocalPostgres {
  port: number;
  password: string;
  url: (database: string) => string;
  psql: (database: string, sql: string) => Promise<RunResult>;
  stop: () => Promise<void>;
}

async function postgresUid(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await runOk('id', ['postgres']);
  const uid = /uid=(\d+)/.exec(stdout)?.[1];
  const gid = /gid=(\d+)/.exec(stdout)?.[1];
  if (!uid || !gid) throw new Error(`cannot read the postgres user's ids from: ${stdout}`);
  return { uid: Number(uid), gid: Number(gid) };
}

const asPostgres = (command: string) => runOk('su', ['postgres', '-s', '/bin/sh', '-c', command]);

export async function startLocalPostgres(): Promise<LocalPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-pg-'));
  const { uid, gid } = await postgresUid();
  await chown(dir, uid, gid);
  await chmod(dir, 0o700);
  const password = `pw-${String(Date.now())}`;
  await writeFile(join(dir, 'pwfile'), `${password}\n`);
  await chown(join(dir, 'pwfile'), uid, gid);
  const port = await freePort();
  const data = join(dir, 'data');
  await asPostgres(
    `${BIN}/initdb -D ${data} -U postgres --auth=scram-sha-256 --pwfile=${dir}/pwfile >/dev/null`,
  );
  await asPostgres(
    `${BIN}/pg_ctl -D ${data} -l ${dir}/log -w -o "-p ${String(port)} -k ${dir} -c listen_addresses=127.0.0.1" start >/dev/null`,
  );
  const env = { ...process.env, PGPASSWORD: password };
  return {
    port,
    password,
    url: (database) =>
      `postgresql://postgres:${password}@127.0.0.1:${String(port)}/${database}?sslmode=disable`,
    psql: (database, sql) =>
      run(
        'psql',
        [
          '-X',
          '-A',
          '-t',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          '-d',
          database,
          '-c',
          sql,
        ],
        { env },
      ),
    stop: async () => {
      // pg_ctl stops the server by the pid in postmaster.pid.
      await run('su', [
        'postgres',
        '-s',
        '/bin/sh',
        '-c',
        `${BIN}/pg_ctl -D ${data} -m fast -w stop`,
      ]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
