import type { Logger } from '@opsctl/health-kit';
import type pg from 'pg';
import type { Migration } from './migration.js';

// Any fixed number: every instance of this service agrees on it, nothing else uses it.
const MIGRATION_LOCK_ID = 74_210_931;

export interface MigrationResult {
  applied: string[];
  /** Present in the database but unknown to this build: a newer release ran before a rollback. */
  unknown: string[];
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so that two
 * containers starting together (blue and green) never run the same migration twice.
 */
export async function runMigrations(
  pool: pg.Pool,
  migrations: readonly Migration[],
  logger: Logger,
): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map(
        (r) => r.id,
      ),
    );
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.id))) {
      await applyOne(client, migration);
      applied.push(migration.id);
      logger.info({ migration: migration.id }, 'migration applied');
    }
    const known = new Set(migrations.map((m) => m.id));
    const unknown = [...done].filter((id) => !known.has(id)).sort();
    if (unknown.length > 0) {
      logger.warn({ unknown }, 'database has migrations this build does not know (newer release?)');
    }
    return { applied, unknown };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}

async function applyOne(client: pg.PoolClient, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`migration ${migration.id} failed and was rolled back`, { cause: error });
  }
}
