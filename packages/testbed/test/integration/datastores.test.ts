import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { applyAppGrants } from '../../src/local/app-grants.js';
import { ensureCredentials } from '../../src/local/credentials.js';
import { postgresFiles, redisFiles } from '../../src/local/datastore-files.js';
import { docker } from '../../src/local/docker-cli.js';
import {
  DATABASE_NAME,
  DATABASE_OWNER,
  DATABASE_USER,
  postgresContainer,
  redisContainer,
} from '../../src/local/datastores.js';
import { localLayout } from '../../src/local/layout.js';
import { localEnvironmentVariables } from '../../src/local/service-env.js';
import { keyPaths } from '../../src/local/keys.js';
import { testStateDir } from './state-dir.js';

const stateDir = testStateDir();
const layout = localLayout(2);
const ctx = { layout };
const postgresCa = postgresFiles(stateDir).ca.cert;
const redisCa = redisFiles(stateDir).ca.cert;

interface Ran {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

const ran = (r: { exitCode?: number; stdout: unknown; stderr: unknown }): Ran => ({
  exitCode: r.exitCode,
  stdout: String(r.stdout),
  stderr: String(r.stderr),
});

/** psql on this machine to the published port, as the app user; the password in the environment. */
async function psql(sql: string, conninfo: string, database = DATABASE_NAME): Promise<Ran> {
  const { postgresPassword } = await ensureCredentials(stateDir);
  return ran(
    await execa(
      'psql',
      [
        '-X',
        '-At',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        sql,
        `host=localhost port=${layout.postgresPort} user=${DATABASE_USER} dbname=${database} connect_timeout=10 ${conninfo}`,
      ],
      { reject: false, env: { PGPASSWORD: postgresPassword } },
    ),
  );
}

/** SQL as the database's owner, in its container (its socket), like Terraform's own resources. */
const asOwner = (sql: string, database = 'postgres'): Promise<string> =>
  docker([
    'exec',
    postgresContainer(ctx),
    'psql',
    '-X',
    '-At',
    '-v',
    'ON_ERROR_STOP=1',
    '-U',
    DATABASE_OWNER,
    '-d',
    database,
    '-c',
    sql,
  ]);

/** redis-cli on this machine to the published port; the password in the environment. */
async function redisCli(args: readonly string[]): Promise<Ran> {
  const { redisPassword } = await ensureCredentials(stateDir);
  return ran(
    await execa(
      'redis-cli',
      ['-h', 'localhost', '-p', String(layout.redisPort), '--user', 'default', ...args],
      { reject: false, env: { REDISCLI_AUTH: redisPassword }, timeout: 30_000 },
    ),
  );
}

describe('the local PostgreSQL, as DigitalOcean manages it', () => {
  it('serves the app user over TLS verified against its CA, on port 25060', async () => {
    const result = await psql(
      "SELECT current_user, s.ssl, current_setting('port') FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()",
      `sslmode=verify-full sslrootcert=${postgresCa}`,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${DATABASE_USER}|t|25060`);
  });

  it('refuses a client that does not have its CA (here: the Redis CA)', async () => {
    const result = await psql('SELECT 1', `sslmode=verify-full sslrootcert=${redisCa}`);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/certificate verify failed/);
  });

  it('refuses a plain-TCP client: its pg_hba has hostssl lines only', async () => {
    const result = await psql('SELECT 1', 'sslmode=disable');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/no pg_hba\.conf entry .* no encryption/);
    expect(await asOwner('SELECT DISTINCT type FROM pg_hba_file_rules ORDER BY 1')).toBe(
      'hostssl\nlocal',
    );
  });

  it("has the database owned by doadmin and an app user that owns nothing and isn't a superuser", async () => {
    expect(
      await asOwner(
        `SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '${DATABASE_NAME}'`,
      ),
    ).toBe(DATABASE_OWNER);
    expect(
      await asOwner(
        `SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = '${DATABASE_USER}'`,
      ),
    ).toBe('f|f|f');
  });

  it('lets the app user create in a fresh database only after the grants file is applied', async () => {
    // A database as digitalocean_database_db makes it: the owner's, nothing granted yet.
    const database = 'grants_check';
    await asOwner(`DROP DATABASE IF EXISTS ${database}`);
    await asOwner(`CREATE DATABASE ${database}`);
    try {
      const tls = `sslmode=verify-full sslrootcert=${postgresCa}`;
      const before = await psql('CREATE TABLE t (x int)', tls, database);
      expect(before.exitCode).not.toBe(0);
      expect(before.stderr).toMatch(/permission denied for schema public/);
      await applyAppGrants(postgresContainer(ctx), {
        owner: DATABASE_OWNER,
        database,
        appUser: DATABASE_USER,
      });
      const after = await psql('CREATE TABLE t (x int)', tls, database);
      expect(after.stderr).toBe('');
      expect(after.exitCode).toBe(0);
    } finally {
      await asOwner(`DROP DATABASE IF EXISTS ${database}`);
    }
  });

  it("has the environment's own database granted by `up` from the same file", async () => {
    const result = await psql(
      "SELECT has_schema_privilege('public', 'CREATE')",
      `sslmode=verify-full sslrootcert=${postgresCa}`,
    );
    expect(result.stdout).toBe('t');
  });
});

describe('the local Valkey/Redis, as DigitalOcean manages it', () => {
  it('answers over TLS verified against its CA, and has no plain port', async () => {
    const result = await redisCli(['--tls', '--cacert', redisCa, 'CONFIG', 'GET', '*port']);
    expect(result.stderr).toBe('');
    const settings = new Map<string, string>();
    const lines = result.stdout.split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) settings.set(lines[i] ?? '', lines[i + 1] ?? '');
    expect(settings.get('port')).toBe('0');
    expect(settings.get('tls-port')).toBe('25061');
  });

  it('refuses a client that does not have its CA (here: the PostgreSQL CA)', async () => {
    const result = await redisCli(['--tls', '--cacert', postgresCa, 'PING']);
    expect(result.stdout).not.toContain('PONG');
    expect(result.stderr).toMatch(/certificate verify failed/);
  });

  it('refuses a plain-TCP client', async () => {
    const result = await redisCli(['PING']);
    expect(result.stdout).not.toContain('PONG');
    expect(`${result.stdout}${result.stderr}`).toMatch(/closed|reset|Error/i);
  });
});

describe('the datastores reach the service as a real deploy delivers them', () => {
  it("gives DigitalOcean's URL shapes and the clusters' CAs, and no password leaks into Docker", async () => {
    const values = await localEnvironmentVariables(stateDir);
    expect(values.DATABASE_URL).toMatch(
      new RegExp(
        `^postgresql://${DATABASE_USER}:[^@]+@[0-9.]+:25060/${DATABASE_NAME}\\?sslmode=require$`,
      ),
    );
    expect(values.REDIS_URL).toMatch(/^rediss:\/\/default:[^@]+@[0-9.]+:25061$/);
    expect(values.DATABASE_CA_CERT).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/,
    );
    expect(values.REDIS_CA_CERT).not.toBe(values.DATABASE_CA_CERT);
    // The CA keys stay in the state folder: the containers get the server's certificate only.
    const credentials = await ensureCredentials(stateDir);
    for (const container of [postgresContainer(ctx), redisContainer(ctx)]) {
      const seen = [
        await docker(['inspect', container]),
        (await execa('docker', ['logs', container], { all: true })).all,
        await docker(['exec', container, 'ls', '-R', '/run/opsctl']),
      ].join('\n');
      for (const secret of [
        credentials.postgresPassword,
        credentials.doadminPassword,
        credentials.redisPassword,
      ])
        expect(seen).not.toContain(secret);
      expect(seen).not.toMatch(/ca\.key/);
    }
    expect(keyPaths(stateDir).caCert).not.toBe(postgresCa);
  });
});
