import { createLogger } from '@opsctl/health-kit';
import { createLogCapture } from '@opsctl/health-kit/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/database/migrations/index.js';
import { runMigrations } from '../src/database/run-migrations.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';

let postgres: PostgresServer;
const pools: pg.Pool[] = [];
let databases = 0;

beforeAll(async () => {
  postgres = await startPostgres();
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});
afterAll(async () => {
  await postgres.dispose();
});

async function freshPool(): Promise<pg.Pool> {
  const url = await postgres.createDatabase(`migrations_${++databases}`);
  const pool = new pg.Pool({ connectionString: url });
  pools.push(pool);
  return pool;
}

const logs = createLogCapture();
const logger = createLogger({ destination: logs.stream, env: {} });

describe('runMigrations', () => {
  it('creates the schema on an empty database and records what it applied', async () => {
    const pool = await freshPool();
    const result = await runMigrations(pool, migrations, logger);
    expect(result.applied).toEqual(migrations.map((m) => m.id));
    const { rows } = await pool.query<{ id: string }>(
      'SELECT id FROM schema_migrations ORDER BY id',
    );
    expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    await pool.query("INSERT INTO items (name) VALUES ('works')");
  });

  it('applies nothing the second time', async () => {
    const pool = await freshPool();
    await runMigrations(pool, migrations, logger);
    expect((await runMigrations(pool, migrations, logger)).applied).toEqual([]);
  });

  it('applies each migration once when two instances start together', async () => {
    const pool = await freshPool();
    const other = new pg.Pool({
      connectionString: (pool.options as { connectionString: string }).connectionString,
    });
    pools.push(other);
    const [a, b] = await Promise.all([
      runMigrations(pool, migrations, logger),
      runMigrations(other, migrations, logger),
    ]);
    expect([...a.applied, ...b.applied].sort()).toEqual(migrations.map((m) => m.id).sort());
  });

  it('rolls back a failing migration completely and says which one failed', async () => {
    const pool = await freshPool();
    const broken = [
      ...migrations,
      { id: '9999-broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;' },
    ];
    await expect(runMigrations(pool, broken, logger)).rejects.toThrow(
      'migration 9999-broken failed and was rolled back',
    );
    const { rows } = await pool.query("SELECT to_regclass('half_done') AS table");
    expect(rows).toEqual([{ table: null }]);
    expect(
      (await pool.query('SELECT id FROM schema_migrations')).rows.map((r: { id: string }) => r.id),
    ).not.toContain('9999-broken');
  });

  it('warns about migrations the database has but this build does not (a rollback)', async () => {
    const pool = await freshPool();
    await runMigrations(
      pool,
      [...migrations, { id: '0002-from-the-future', sql: 'SELECT 1' }],
      logger,
    );
    const result = await runMigrations(pool, migrations, logger);
    expect(result.unknown).toEqual(['0002-from-the-future']);
    expect(
      logs
        .records()
        .some(
          (line) =>
            line.level === 'warn' && JSON.stringify(line.unknown) === '["0002-from-the-future"]',
        ),
    ).toBe(true);
  });
});
