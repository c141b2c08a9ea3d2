import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadMigrateConfig } from '../src/config/load-config.js';

const valid = {
  DATABASE_URL: 'postgres://app:pw-1234@db:5432/app',
  REDIS_URL: 'redis://cache:6379/0',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(valid)).toMatchObject({
      NODE_ENV: 'production',
      PORT: 3000,
      LOG_LEVEL: 'info',
      HEALTH_CHECK_TIMEOUT_MS: 2000,
      SHUTDOWN_DRAIN_DELAY_MS: 5000,
      SHUTDOWN_TIMEOUT_MS: 15000,
      MIGRATE_ON_START: true,
      SECRET_ENV_NAMES: [],
      APP_GIT_SHA: 'unknown',
    });
  });

  it('names every missing variable at once, treating empty values as missing', () => {
    expect(problemsOf({ REDIS_URL: '' })).toEqual([
      'DATABASE_URL is required: set it to a connection URL such as postgres://user:password@host:5432/db',
      'REDIS_URL is required: set it to a connection URL such as redis://host:6379/0',
    ]);
  });

  it('names each malformed variable with what it must be', () => {
    const problems = problemsOf({
      ...valid,
      PORT: '80a',
      LOG_LEVEL: 'loud',
      SHUTDOWN_TIMEOUT_MS: '60000',
      MIGRATE_ON_START: 'maybe',
    });
    expect(problems).toEqual([
      'PORT must be a whole number from 1 to 65535',
      'LOG_LEVEL must be one of: error, warn, info, debug',
      'SHUTDOWN_TIMEOUT_MS must be a whole number from 1000 to 29000',
      'MIGRATE_ON_START must be true or false',
    ]);
  });

  it('never quotes the value of a malformed variable, which may hold a password', () => {
    const sentinel = 'sentinel-pw-Zx81';
    let message = '';
    try {
      loadConfig({
        DATABASE_URL: `mysql://root:${sentinel}@db/app`,
        REDIS_URL: `not a url ${sentinel}`,
        PORT: sentinel,
      });
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toContain('DATABASE_URL must be a URL starting with postgres://');
    expect(message).toContain('REDIS_URL must be a URL starting with redis://');
    expect(message).not.toContain(sentinel);
  });

  it('splits SECRET_ENV_NAMES into names', () => {
    expect(
      loadConfig({ ...valid, SECRET_ENV_NAMES: ' STRIPE_WEBHOOK, ,SENTRY_DSN ' }).SECRET_ENV_NAMES,
    ).toEqual(['STRIPE_WEBHOOK', 'SENTRY_DSN']);
  });
});

describe('loadMigrateConfig', () => {
  it('needs only the database, so the deploy pre-step runs without Redis settings', () => {
    expect(loadMigrateConfig({ DATABASE_URL: valid.DATABASE_URL }).DATABASE_URL).toBe(
      valid.DATABASE_URL,
    );
    expect(() => loadMigrateConfig({})).toThrow(/DATABASE_URL is required/);
  });
});
