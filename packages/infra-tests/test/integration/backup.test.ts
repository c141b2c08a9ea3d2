import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, localhostInventory, runPlaybook } from './support/ansible.js';
import { startLocalPostgres, type LocalPostgres } from './support/local-postgres.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { run, runOk } from '../support/run.js';

const PREFIX = 'postgres/test/';
let pg: LocalPostgres;
let s3: S3Server;
let work: string;
let appPassword: string;

async function playbook(
  name: 'backup.yml' | 'restore-test.yml',
  extra: Record<string, unknown> = {},
  env: Record<string, string> = {},
) {
  // The playbooks run on the control machine itself, as they would on an API droplet.
  const inventory = await localhostInventory(work);
  const vars = join(work, 'vars.json');
  await writeFile(
    vars,
    JSON.stringify({
      opsctl_environment: 'test',
      backup_s3_bucket: 'backups',
      backup_s3_endpoint: s3.endpoint,
      backup_install_packages: false,
      backup_keep: 2,
      ...extra,
    }),
  );
  return runPlaybook(name, ['-i', inventory, '-e', `@${vars}`], {
    ...process.env,
    // As on DigitalOcean: the app user (owner of the tables, not of the database) dumps over TLS;
    // the restore test's scratch database takes the admin.
    OPSCTL_BACKUP_DATABASE_URL: pg.url('app', 'app'),
    OPSCTL_RESTORE_DATABASE_URL: pg.url('postgres'),
    SPACES_ACCESS_KEY_ID: s3.accessKeyId,
    SPACES_SECRET_ACCESS_KEY: s3.secretAccessKey,
    ...env,
  });
}

/** Object keys under the backup prefix, from the S3 server's own storage. */
async function objects(): Promise<string[]> {
  const dir = join(s3.directory, 'backups', PREFIX);
  const names = await readdir(dir).catch(() => []);
  return names
    .filter((n) => n.endsWith('._S3rver_object'))
    .map((n) => n.replace('._S3rver_object', ''))
    .sort();
}

const objectFile = (key: string) => join(s3.directory, 'backups', PREFIX, `${key}._S3rver_object`);
const sleepASecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'opsctl-backup-'));
  pg = await startLocalPostgres();
  s3 = await startS3Server(['backups']);
  appPassword = await pg.createUser('app');
  // A database the admin owns, with the grant that lets the app user create its tables in
  // PostgreSQL 15's public schema (the managed cluster's shape).
  for (const sql of ['CREATE DATABASE app', 'GRANT CONNECT, TEMPORARY ON DATABASE app TO app']) {
    const made = await pg.psql('postgres', sql);
    expect(made.code, made.stderr).toBe(0);
  }
  const grant = await pg.psql(
    'app',
    'GRANT USAGE, CREATE ON SCHEMA public TO app; CREATE SCHEMA audit AUTHORIZATION app',
  );
  expect(grant.code, grant.stderr).toBe(0);
  const seed = await run('psql', [
    pg.url('app', 'app'),
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    `CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);
     INSERT INTO items (name) SELECT 'item ' || g FROM generate_series(1, 2500) g;
     CREATE TABLE audit."Log Entries" (id int, at timestamptz DEFAULT now());
     INSERT INTO audit."Log Entries" (id) SELECT generate_series(1, 17);
     CREATE TABLE empty_table (x int);`,
  ]);
  expect(seed.code, seed.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await pg.stop();
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

describe('backup.yml against a local PostgreSQL and a local S3 server', () => {
  it('uploads a compressed custom-format dump and a manifest with exact row counts', async () => {
    const result = await playbook('backup.yml');
    expect(result.code, explain(result)).toBe(0);
    const keys = await objects();
    expect(keys).toHaveLength(2);
    const [dumpKey, manifestKey] = keys;
    expect(dumpKey).toMatch(/^\d{8}T\d{6}Z\.dump$/);
    expect(manifestKey).toBe(dumpKey?.replace('.dump', '.json'));
    const dump = await readFile(objectFile(dumpKey ?? ''));
    expect(dump.subarray(0, 5).toString()).toBe('PGDMP');
    const manifest = JSON.parse(await readFile(objectFile(manifestKey ?? ''), 'utf8')) as {
      table_counts: unknown;
      database: string;
    };
    expect(manifest.database).toBe('app');
    expect(manifest.table_counts).toEqual({
      'audit."Log Entries"': 17,
      'public.empty_table': 0,
      'public.items': 2500,
    });
  });

  it('keeps only the newest backup_keep dumps', async () => {
    await sleepASecond();
    expect((await playbook('backup.yml')).code).toBe(0);
    await sleepASecond();
    const third = await playbook('backup.yml');
    expect(third.code, explain(third)).toBe(0);
    const dumps = (await objects()).filter((k) => k.endsWith('.dump'));
    expect(dumps).toHaveLength(2);
    expect((await objects()).filter((k) => k.endsWith('.json'))).toHaveLength(2);
  });

  it('never prints the database password or the S3 secret', async () => {
    const result = await playbook('backup.yml', {}, { ANSIBLE_VERBOSITY: '2' });
    expect(result.code, explain(result)).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(pg.password);
    expect(result.stdout + result.stderr).not.toContain(appPassword);
    const secret = 'S3RVER-secret-that-must-not-leak';
    const leak = await playbook(
      'backup.yml',
      { backup_keep: 5 },
      { ANSIBLE_VERBOSITY: '2', SPACES_SECRET_ACCESS_KEY: secret },
    );
    expect(leak.stdout + leak.stderr).not.toContain(secret);
  });

  it('dumps over TLS: the server it dumps refuses a plain connection', async () => {
    const plain = await run('psql', [
      pg.url('app', 'app').replace('sslmode=require', 'sslmode=disable'),
      '-X',
      '-c',
      'SELECT 1',
    ]);
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/no encryption|SSL off/);
  });

  it('refuses to start without credentials and names what is missing', async () => {
    const result = await playbook(
      'backup.yml',
      {},
      { OPSCTL_BACKUP_DATABASE_URL: '', SPACES_ACCESS_KEY_ID: '' },
    );
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('Backups need OPSCTL_BACKUP_DATABASE_URL');
  });
});

describe('restoring the backups', () => {
  it('restore-test.yml restores the newest dump into a scratch database with the same row counts, then drops it', async () => {
    const newest = (await objects()).filter((k) => k.endsWith('.dump')).pop();
    const result = await playbook('restore-test.yml');
    expect(result.code, explain(result)).toBe(0);
    expect(result.stdout).toContain(
      `s3://backups/${PREFIX}${newest ?? ''} restores: 3 tables with the row counts of the backup.`,
    );
    const databases = await pg.psql(
      'postgres',
      "SELECT datname FROM pg_database WHERE datname LIKE 'opsctl_restore_test_%'",
    );
    expect(databases.stdout.trim()).toBe('');
  });

  it('restore-test.yml as a user that may not create databases stops before restoring and says which URL to set', async () => {
    const result = await playbook('restore-test.yml', {}, { OPSCTL_RESTORE_DATABASE_URL: '' });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('may not create the scratch database');
    expect(result.stdout).toContain('OPSCTL_RESTORE_DATABASE_URL');
  });

  it('restores the uploaded dump with pg_restore into a fresh database with the original rows', async () => {
    const newest = (await objects()).filter((k) => k.endsWith('.dump')).pop() ?? '';
    expect((await pg.psql('postgres', 'CREATE DATABASE independent_restore')).code).toBe(0);
    await runOk(
      'pg_restore',
      [
        '--no-owner',
        '--exit-on-error',
        '-h',
        '127.0.0.1',
        '-p',
        String(pg.port),
        '-U',
        'postgres',
        '-d',
        'independent_restore',
        objectFile(newest),
      ],
      {
        env: { ...process.env, PGPASSWORD: pg.password },
      },
    );
    const query =
      'SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM audit."Log Entries"), (SELECT max(name) FROM items)';
    const original = await pg.psql('app', query);
    const restored = await pg.psql('independent_restore', query);
    expect(restored.stdout).toBe(original.stdout);
    expect(restored.stdout.trim()).toBe('2500|17|item 999');
  });

  it('restore-test.yml fails on a dump that does not match its manifest, and creates no database', async () => {
    const newest = (await objects()).filter((k) => k.endsWith('.dump')).pop() ?? '';
    await writeFile(objectFile(newest), 'PGDMP but damaged');
    const result = await playbook('restore-test.yml');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('does not match its manifest');
    const databases = await pg.psql(
      'postgres',
      "SELECT datname FROM pg_database WHERE datname LIKE 'opsctl_restore_test_%'",
    );
    expect(databases.stdout.trim()).toBe('');
  });
});
