import { createLogger } from '@opsctl/health-kit';
import { ConfigError, loadMigrateConfig } from './config/load-config.js';
import { createPool } from './database/create-pool.js';
import { migrations } from './database/migrations/index.js';
import { runMigrations } from './database/run-migrations.js';

// `node dist/migrate.js`: applies pending migrations and exits; the deploy pre-step runs this
// in a one-off container of the new image before any new container takes traffic.
let code = 0;
try {
  const config = loadMigrateConfig(process.env);
  const logger = createLogger({
    level: config.LOG_LEVEL,
    name: 'api-migrate',
    secretEnvNames: config.SECRET_ENV_NAMES,
  });
  const pool = createPool(config.DATABASE_URL, logger, config.DATABASE_CA_CERT);
  try {
    const result = await runMigrations(pool, migrations, logger);
    logger.info(
      { applied: result.applied },
      `migrations complete: ${result.applied.length} applied`,
    );
  } catch (error) {
    logger.error({ err: error }, 'migrations failed');
    code = 1;
  } finally {
    await pool.end();
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  code = 1;
}
process.exitCode = code;
