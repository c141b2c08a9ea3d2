import { createLogger } from '@opsctl/health-kit';
import { createLogCapture } from '@opsctl/health-kit/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../src/database/create-pool.js';
import { migrations } from '../src/database/migrations/index.js';
import { runMigrations } from '../src/database/run-migrations.js';
import { createRedis } from '../src/redis/create-redis.js';
import { startManagedPostgres, type ManagedPostgres } from './support/managed-postgres.js';
import { startManagedRedis, type ManagedRedis } from './support/managed-redis.js';
import { makePrivateCa, type PrivateCa } from './support/private-ca.js';

let ca: PrivateCa;
let postgres: ManagedPostgres;
let redis: ManagedRedis;
const closers: (() => Promise<unknown>)[] = [];
const logger = createLogger({ destination: createLogCapture().stream, env: {} });

beforeAll(async () => {
  ca = await makePrivateCa();
  postgres = await startManagedPostgres(ca);
  redis = await startManagedRedis(ca);
});
afterAll(async () => {
  for (const close of closers.splice(0)) await close();
  await redis.dispose();
  await postgres.dispose();
  await ca.dispose();
});

function pool(url: string, withCa: boolean): pg.Pool {
  const p = createPool(url, logger, withCa ? ca.caPem : undefined);
  closers.push(() => p.end());
  return p;
}

/** A database owned by doadmin, as the managed cluster's databases are. */
async function ownedDatabase(name: string): Promise<void> {
  await postgres.asOwner('postgres', `CREATE DATABASE ${name}`);
}

describe('PostgreSQL as DigitalOcean manages it (TLS only, private CA, doadmin owns)', () => {
  it('the API connects over verified TLS with the cluster CA, although the URL says sslmode=require', async () => {
    await ownedDatabase('tls_ok');
    const { rows } = await pool(postgres.url('app', 'tls_ok'), true).query<{ ssl: boolean }>(
      'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
    );
    expect(rows).toEqual([{ ssl: true }]);
  });

  it('refuses the API without the CA: the server certificate is not from a public CA', async () => {
    await expect(pool(postgres.url('app', 'postgres'), false).query('SELECT 1')).rejects.toThrow(
      /unable to verify the first certificate/,
    );
  });

  it('refuses a plain-TCP client: there is no host line without TLS', async () => {
    const client = new pg.Client({
      connectionString: postgres.url('app', 'postgres').replace('?sslmode=require', ''),
      ssl: false,
    });
    await expect(client.connect()).rejects.toThrow(/no pg_hba\.conf entry .*no encryption/);
    await client.end().catch(() => undefined);
  });

  it('the app user, not the owner, migrates once the owner has granted it schema public', async () => {
    await ownedDatabase('grants');
    expect(
      await postgres.asOwner(
        'grants',
        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'grants'",
      ),
    ).toBe('doadmin');
    const app = pool(postgres.url('app', 'grants'), true);
    // PostgreSQL 15: only the owner may create in schema public.
    await expect(runMigrations(app, migrations, logger)).rejects.toThrow(
      /permission denied for schema public/,
    );
    await postgres.asOwner('grants', 'GRANT USAGE, CREATE ON SCHEMA public TO app');
    const result = await runMigrations(app, migrations, logger);
    expect(result.applied).toEqual(migrations.map((m) => m.id));
    await expect(app.query('INSERT INTO items (name) VALUES ($1)', ['x'])).resolves.toBeDefined();
  });
});

describe('Valkey/Redis as DigitalOcean manages it (rediss:// only, private CA)', () => {
  const client = (url: string, withCa: boolean): Redis => {
    const r = createRedis(url, logger, withCa ? ca.caPem : undefined);
    closers.push(() => {
      r.disconnect();
      return Promise.resolve();
    });
    return r;
  };
  const firstError = (r: Redis): Promise<Error> =>
    new Promise((resolve) => r.once('error', resolve));
  /** 'ready', or the message of the first connection error. */
  const outcomeOf = (r: Redis): Promise<string> =>
    Promise.race([
      firstError(r).then((e) => e.message),
      new Promise<string>((resolve) => {
        r.once('ready', () => {
          resolve('ready');
        });
      }),
    ]);

  it('the API connects over verified TLS with the cluster CA, and no plain port is open', async () => {
    const r = client(redis.url, true);
    expect(await outcomeOf(r)).toBe('ready');
    expect(await r.ping()).toBe('PONG');
    expect(await r.config('GET', 'port')).toEqual(['port', '0']);
  });

  it('refuses the API without the CA', async () => {
    expect((await firstError(client(redis.url, false))).message).toMatch(
      /unable to verify the first certificate/,
    );
  });

  it('refuses a plain-TCP client at the TLS port', async () => {
    const plain = client(redis.url.replace('rediss://', 'redis://'), false);
    expect(await outcomeOf(plain)).not.toBe('ready');
  });
});
