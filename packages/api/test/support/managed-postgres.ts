import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitUntil } from '@opsctl/health-kit/testing';
import { run, startProcess, type RunningProcess } from './child-process.js';
import { freePort } from './free-port.js';
import { postgresUser } from './postgres-server.js';
import type { PrivateCa } from './private-ca.js';

const BIN = '/usr/lib/postgresql/15/bin';

export interface ManagedPostgres {
  readonly port: number;
  /** URL of `user` (doadmin or app) for `database`, as DigitalOcean gives it: sslmode=require. */
  url(user: 'doadmin' | 'app', database: string): string;
  /** Runs SQL as doadmin (over the server's socket) in `database`. */
  asOwner(database: string, sql: string): Promise<string>;
  dispose(): Promise<void>;
}

const PASSWORDS = { doadmin: 'doadmin-test-password-12', app: 'app-test-password-34' } as const;

/**
 * PostgreSQL 15 set up as DigitalOcean's managed clusters are where it matters: TCP only over TLS
 * (`hostssl` lines only) with a certificate from a private CA, databases owned by `doadmin`, and an
 * application user `app` that owns nothing (as `digitalocean_database_user` makes it).
 */
export async function startManagedPostgres(ca: PrivateCa): Promise<ManagedPostgres> {
  const dir = await mkdtemp('/tmp/opsctl-api-managed-pg-');
  const owner = await postgresUser();
  if (owner !== undefined) await run('chown', [`${owner.uid}:${owner.gid}`, dir]);
  await ca.giveKeyTo(owner);
  const as = owner ?? {};
  const data = join(dir, 'data');
  await run(`${BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync'], as);
  await writeFile(
    join(data, 'pg_hba.conf'),
    ['local all all trust', 'hostssl all all 127.0.0.1/32 scram-sha-256', ''].join('\n'),
  );
  const port = await freePort();
  const server: RunningProcess = startProcess(
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
      'ssl=on',
      '-c',
      `ssl_cert_file=${ca.certFile}`,
      '-c',
      `ssl_key_file=${ca.keyFile}`,
      '-c',
      'fsync=off',
    ],
    as,
  );
  const psql = async (user: string, database: string, sql: string) =>
    (
      await run(
        `${BIN}/psql`,
        [
          '-h',
          dir,
          '-p',
          String(port),
          '-U',
          user,
          '-d',
          database,
          '-v',
          'ON_ERROR_STOP=1',
          '-qAtc',
          sql,
        ],
        as,
      )
    ).trim();
  let lastError = '';
  await waitUntil(async () => {
    if (!server.running()) throw new Error(`postgres exited: ${server.stderr()}`);
    return (
      (await psql('postgres', 'postgres', 'SELECT 1').catch((e: unknown) => {
        lastError = String(e);
        return '';
      })) === '1'
    );
  }, 'PostgreSQL accepts connections').catch(async (error: unknown) => {
    await server.stop('SIGINT');
    throw new Error(`${String(error)}; psql: ${lastError}; postgres: ${server.stderr()}`);
  });
  await psql(
    'postgres',
    'postgres',
    `CREATE ROLE doadmin LOGIN CREATEDB CREATEROLE PASSWORD '${PASSWORDS.doadmin}'`,
  );
  await psql('doadmin', 'postgres', `CREATE ROLE app LOGIN PASSWORD '${PASSWORDS.app}'`);
  return {
    port,
    url: (user, database) =>
      `postgresql://${user}:${PASSWORDS[user]}@127.0.0.1:${port}/${database}?sslmode=require`,
    asOwner: (database, sql) => psql('doadmin', database, sql),
    dispose: async () => {
      await server.stop('SIGINT');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
