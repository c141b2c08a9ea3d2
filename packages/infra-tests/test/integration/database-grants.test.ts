import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, localhostInventory, runPlaybook } from './support/ansible.js';
import {
  localDotEnv,
  useLocalEnvironment,
  type LocalEnvironment,
} from './support/local-environment.js';
import { run, type RunResult } from '../support/run.js';

/**
 * database-grants.yml against the local environment's PostgreSQL, which is set up as DigitalOcean's
 * (TLS only with a private CA, databases owned by doadmin, an application user owning nothing), with
 * the values a cloud environment's Terraform outputs give: the owner's URL and the cluster's CA.
 */
const DATABASE = 'grants_playbook';
let local: LocalEnvironment | undefined;
let work: string | undefined;
let env: Map<string, string>;

const value = (name: string): string => {
  const v = env.get(name);
  if (v === undefined || v === '') throw new Error(`the local environment gives no ${name}`);
  return v;
};

/** libpq settings of a URL, for `database`, verifying the server against the CA file. */
function pgEnv(url: string, database: string, caFile: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port,
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: database,
    PGSSLMODE: 'verify-full',
    PGSSLROOTCERT: caFile,
    PGCONNECT_TIMEOUT: '10',
  };
}

const workDir = (): string => {
  if (work === undefined) throw new Error('no work directory: beforeAll failed');
  return work;
};

const psql = (url: string, database: string, sql: string): Promise<RunResult> =>
  run('psql', ['-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    env: pgEnv(url, database, join(workDir(), 'ca.crt')),
  });

/** What the run did at the grant task: `changed` (granted) or `skipping` (already granted). */
function grantTask(stdout: string): string | undefined {
  const at = stdout.indexOf('TASK [pg_app_grants : Grant the application user schema public]');
  if (at === -1) return undefined;
  return /\n(changed|skipping|ok|fatal):/.exec(stdout.slice(at))?.[1];
}

async function grants(extra: Record<string, string> = {}) {
  // On the control machine itself, as on the first API droplet (inside the database firewall).
  const inventory = await localhostInventory(workDir());
  return runPlaybook(
    'database-grants.yml',
    ['-i', inventory, '-e', `grants_database=${DATABASE}`, '-e', 'grants_install_packages=false'],
    {
      ...process.env,
      OPSCTL_ADMIN_DATABASE_URL: value('OPSCTL_ADMIN_DATABASE_URL'),
      DATABASE_CA_CERT: value('DATABASE_CA_CERT'),
      ...extra,
    },
  );
}

const createAsApp = () =>
  psql(value('DATABASE_URL'), DATABASE, 'CREATE TABLE IF NOT EXISTS migrated (id int)');

beforeAll(async () => {
  local = await useLocalEnvironment();
  env = await localDotEnv();
  work = await mkdtemp(join(tmpdir(), 'opsctl-grants-'));
  await writeFile(join(work, 'ca.crt'), value('DATABASE_CA_CERT'));
  const admin = value('OPSCTL_ADMIN_DATABASE_URL');
  // A database as digitalocean_database_db makes it: the owner's, nothing granted.
  await psql(admin, 'defaultdb', `DROP DATABASE IF EXISTS ${DATABASE}`);
  const created = await psql(admin, 'defaultdb', `CREATE DATABASE ${DATABASE}`);
  if (created.code !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
}, 900_000);

afterAll(async () => {
  if (work !== undefined) {
    await psql(
      value('OPSCTL_ADMIN_DATABASE_URL'),
      'defaultdb',
      `DROP DATABASE IF EXISTS ${DATABASE}`,
    );
    await rm(work, { recursive: true, force: true });
  }
  await local?.release();
}, 300_000);

describe('database-grants.yml on a managed-like PostgreSQL', () => {
  it("leaves the application user unable to create in the owner's database before it runs", async () => {
    const before = await createAsApp();
    expect(before.code).not.toBe(0);
    expect(before.stderr).toMatch(/permission denied for schema public/);
  });

  it('refuses to run without the cluster CA, and with the wrong CA connects to nothing', async () => {
    const without = await grants({ DATABASE_CA_CERT: '' });
    expect(without.code, explain(without)).not.toBe(0);
    expect(without.stdout).toContain('DATABASE_CA_CERT (terraform output -raw database_ca_cert)');
    const wrong = await grants({ DATABASE_CA_CERT: value('REDIS_CA_CERT') });
    expect(wrong.code, explain(wrong)).not.toBe(0);
    expect(wrong.stdout).toMatch(/certificate verify failed/);
    expect((await createAsApp()).code).not.toBe(0);
  });

  it('grants schema public as doadmin over verified TLS, after which the migration runs', async () => {
    const first = await grants();
    expect(first.code, explain(first)).toBe(0);
    expect(first.recap.get('localhost')).toMatchObject({ failed: 0 });
    expect(grantTask(first.stdout), explain(first)).toBe('changed');
    const after = await createAsApp();
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });

  it('grants nothing on a second run: the privilege is there', async () => {
    const again = await grants();
    expect(again.code, explain(again)).toBe(0);
    expect(again.recap.get('localhost')).toMatchObject({ failed: 0 });
    expect(grantTask(again.stdout), explain(again)).toBe('skipping');
  });

  it('never prints the owner password', async () => {
    const again = await grants();
    const password = decodeURIComponent(new URL(value('OPSCTL_ADMIN_DATABASE_URL')).password);
    expect(`${again.stdout}${again.stderr}`).not.toContain(password);
  });
});
