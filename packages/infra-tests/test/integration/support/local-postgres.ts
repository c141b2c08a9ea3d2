import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runOk, type RunResult } from '../../support/run.js';
import { freePort } from './free-port.js';
import { issueCertificate } from './test-ca.js';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A throw-away PostgreSQL 15 server from Debian's binaries, run as user postgres on 127.0.0.1,
 * behaving like DigitalOcean's managed one where it bites: TLS only with a certificate from a
 * private CA (plain TCP is rejected), an admin (`postgres`, standing for `doadmin`) and app users
 * that own no database.
 */
export interface LocalPostgres {
  port: number;
  /** The admin's password. */
  password: string;
  /** A libpq URL with sslmode=require, as DigitalOcean gives it; the admin unless a user is named. */
  url: (database: string, user?: string) => string;
  /** Creates a login role that owns nothing (no CREATEDB) and returns its password. */
  createUser: (name: string) => Promise<string>;
  /** Runs SQL as the admin. */
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

/** Only TLS connections with a password; a plain one is rejected before authentication. */
const PG_HBA = `hostssl all all 127.0.0.1/32 scram-sha-256
hostnossl all all 127.0.0.1/32 reject
`;

export async function startLocalPostgres(): Promise<LocalPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-pg-'));
  const { uid, gid } = await postgresUid();
  const owned = async (name: string, text: string, mode: number): Promise<void> => {
    await writeFile(join(dir, name), text);
    await chown(join(dir, name), uid, gid);
    await chmod(join(dir, name), mode);
  };
  await chown(dir, uid, gid);
  await chmod(dir, 0o700);
  const password = `pw-${String(Date.now())}`;
  const certificate = await issueCertificate(['localhost'], ['127.0.0.1']);
  await owned('pwfile', `${password}\n`, 0o600);
  await owned('server.crt', certificate.cert, 0o644);
  await owned('server.key', certificate.key, 0o600);
  const port = await freePort();
  const data = join(dir, 'data');
  await asPostgres(
    `${BIN}/initdb -D ${data} -U postgres --auth=scram-sha-256 --pwfile=${dir}/pwfile >/dev/null`,
  );
  await owned('data/pg_hba.conf', PG_HBA, 0o600);
  const settings = [
    `-p ${String(port)}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c ssl=on',
    `-c ssl_cert_file=${dir}/server.crt`,
    `-c ssl_key_file=${dir}/server.key`,
  ].join(' ');
  await asPostgres(`${BIN}/pg_ctl -D ${data} -l ${dir}/log -w -o "${settings}" start >/dev/null`);
  const env = { ...process.env, PGPASSWORD: password, PGSSLMODE: 'require' };
  const psql = (database: string, sql: string) =>
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
    );
  const passwords = new Map([['postgres', password]]);
  return {
    port,
    password,
    url: (database, user = 'postgres') =>
      `postgresql://${user}:${encodeURIComponent(passwords.get(user) ?? '')}@127.0.0.1:${String(port)}/${database}?sslmode=require`,
    createUser: async (name) => {
      const secret = `${name}-pw-${String(Date.now())}`;
      const result = await psql('postgres', `CREATE ROLE ${name} LOGIN PASSWORD '${secret}'`);
      if (result.code !== 0) throw new Error(`CREATE ROLE ${name} failed: ${result.stderr}`);
      passwords.set(name, secret);
      return secret;
    },
    psql,
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
