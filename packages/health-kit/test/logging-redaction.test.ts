import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logging/create-logger.js';
import { createLogCapture } from '../src/testing/log-capture.js';

// Sentinels: if any of these strings reaches the output, redaction failed.
const DB_PASSWORD = 'sentinel-db-pw-7Qx';
const REDIS_PASSWORD = 'sentinel-redis-pw-4Kd';
const env = {
  DATABASE_URL: `postgres://app:${DB_PASSWORD}@db.internal:5432/app`,
  REDIS_URL: `redis://:${REDIS_PASSWORD}@cache:6379/0`,
  API_TOKEN: 'sentinel-token-9Fz',
  SIGNING_KEY: 'sentinel "quoted\\ key"',
  WEBHOOK_ID: 'sentinel-declared-2Vb',
  SHORT_SECRET: 'abc',
  NODE_ENV: 'production',
};
const sentinels = [
  env.DATABASE_URL,
  DB_PASSWORD,
  env.REDIS_URL,
  REDIS_PASSWORD,
  env.API_TOKEN,
  'sentinel "quoted',
  'quoted\\ key',
  env.WEBHOOK_ID,
];

function capture(level: 'debug' | 'info' = 'debug') {
  const out = createLogCapture();
  const logger = createLogger({
    env,
    secretEnvNames: ['WEBHOOK_ID'],
    destination: out.stream,
    level,
  });
  return { out, logger };
}

function expectNoSentinel(text: string): void {
  for (const sentinel of sentinels) expect(text).not.toContain(sentinel);
}

describe('log redaction', () => {
  it('masks secret env values inside messages, wherever they appear', () => {
    const { out, logger } = capture();
    logger.info(`connecting to ${env.DATABASE_URL} with token ${env.API_TOKEN}`);
    logger.warn({ detail: `password was ${DB_PASSWORD}` }, 'login failed');
    logger.info({ note: env.WEBHOOK_ID }, `key ${env.SIGNING_KEY}`);
    expectNoSentinel(out.text());
    expect(out.records()[0]?.msg).toBe('connecting to [REDACTED] with token [REDACTED]');
    expect(out.records()[1]?.detail).toBe('password was [REDACTED]');
    // The quote and backslash are escaped in JSON: the escaped form is masked too.
    expect(out.records()[2]?.msg).toBe('key [REDACTED]');
  });

  it('masks secret values in errors: message, stack and extra fields', () => {
    const { out, logger } = capture();
    const error = Object.assign(new Error(`cannot reach ${env.REDIS_URL}`), {
      url: env.DATABASE_URL,
    });
    logger.error({ err: error }, 'cache unavailable');
    logger.error(new Error(`auth failed for ${DB_PASSWORD}`));
    expectNoSentinel(out.text());
    const [first] = out.records();
    expect(first?.err).toMatchObject({ message: 'cannot reach [REDACTED]', url: '[REDACTED]' });
  });

  it('masks secret-named fields at any depth, including child bindings', () => {
    const { out, logger } = capture();
    const child = logger.child({ auth: { token: 'child-binding-value' } });
    child.info(
      {
        req: {
          headers: { authorization: 'Bearer abc.def', cookie: 'sid=s3ss10n', accept: 'json' },
        },
        user: { name: 'ada', password: 'hunter22', profile: { apiKey: 'k-123456' } },
        list: [{ clientSecret: 'in-an-array' }],
      },
      'request',
    );
    const text = out.text();
    for (const leaked of [
      'child-binding-value',
      'Bearer abc.def',
      's3ss10n',
      'hunter22',
      'k-123456',
      'in-an-array',
    ]) {
      expect(text).not.toContain(leaked);
    }
    expect(out.records()[0]).toMatchObject({
      auth: { token: '[REDACTED]' },
      req: { headers: { authorization: '[REDACTED]', cookie: '[REDACTED]', accept: 'json' } },
      user: { name: 'ada', password: '[REDACTED]', profile: { apiKey: '[REDACTED]' } },
    });
  });

  it('leaves values shorter than four characters alone so ordinary words survive', () => {
    const { out, logger } = capture();
    logger.info('abc is not masked');
    expect(out.records()[0]?.msg).toBe('abc is not masked');
  });

  it('writes JSON lines with level names, an ISO time and the pid', () => {
    const { out, logger } = capture('info');
    logger.debug('hidden at info');
    logger.info('shown');
    logger.warn('also shown');
    logger.error('and this');
    const records = out.records();
    expect(records.map((r) => [r.level, r.msg])).toEqual([
      ['info', 'shown'],
      ['warn', 'also shown'],
      ['error', 'and this'],
    ]);
    expect(records[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(records[0]?.pid).toBe(process.pid);
  });
});
