import { z } from 'zod';

// An empty value in an env file (`REDIS_URL=`) means "not set", not "set to nothing".
const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

const connectionUrl = (protocols: readonly string[], example: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string({ error: `is required: set it to a connection URL such as ${example}` })
      .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), {
        error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')} (e.g. ${example})`,
      }),
  );

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: `must be a whole number from ${min} to ${max}` })
      .int({ error: `must be a whole number from ${min} to ${max}` })
      .min(min, { error: `must be a whole number from ${min} to ${max}` })
      .max(max, { error: `must be a whole number from ${min} to ${max}` })
      .default(fallback),
  );

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(
    unsetIfEmpty,
    z.enum(values, { error: `must be one of: ${values.join(', ')}` }).default(fallback),
  );

/** A PEM certificate (a managed database's CA); optional, and never quoted in messages. */
const optionalPem = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .refine((value) => value.includes('-----BEGIN CERTIFICATE-----'), {
      error: 'must be a PEM certificate (-----BEGIN CERTIFICATE----- ...)',
    })
    .optional(),
);

const optionalText = (fallback: string) => z.preprocess(unsetIfEmpty, z.string().default(fallback));

/**
 * Every environment variable the API reads, with its default. Messages never quote the value
 * given: several of these variables hold credentials.
 */
export const configSchema = z.object({
  NODE_ENV: oneOf(['development', 'test', 'production'], 'production'),
  HOST: optionalText('0.0.0.0'),
  PORT: wholeNumber(1, 65_535, 3000),
  DATABASE_URL: connectionUrl(
    ['postgres:', 'postgresql:'],
    'postgres://user:password@host:5432/db',
  ),
  /** The PostgreSQL cluster's CA (Terraform's digitalocean_database_ca); TLS verified against it. */
  DATABASE_CA_CERT: optionalPem,
  REDIS_URL: connectionUrl(['redis:', 'rediss:'], 'redis://host:6379/0'),
  /** The Valkey/Redis cluster's CA, for a rediss:// REDIS_URL. */
  REDIS_CA_CERT: optionalPem,
  LOG_LEVEL: oneOf(['error', 'warn', 'info', 'debug'], 'info'),
  HEALTH_CHECK_TIMEOUT_MS: wholeNumber(100, 60_000, 2000),
  SHUTDOWN_DRAIN_DELAY_MS: wholeNumber(0, 60_000, 5000),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(1000, 29_000, 15_000),
  MIGRATE_ON_START: z.preprocess(
    unsetIfEmpty,
    z.stringbool({ error: 'must be true or false' }).default(true),
  ),
  ITEM_CACHE_TTL_SECONDS: wholeNumber(1, 86_400, 300),
  /** Comma-separated names of further env vars whose values must never be logged. */
  SECRET_ENV_NAMES: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== ''),
      ),
  ),
  // Baked into the image from build args (see infrastructure/docker/api/Dockerfile).
  APP_GIT_SHA: optionalText('unknown'),
  APP_VERSION: optionalText('unknown'),
  APP_BUILT_AT: optionalText('unknown'),
});

export type Config = z.infer<typeof configSchema>;

/** What `dist/migrate.js` needs: only the database, so a deploy pre-step needs no Redis. */
export const migrateConfigSchema = configSchema.pick({
  DATABASE_URL: true,
  DATABASE_CA_CERT: true,
  LOG_LEVEL: true,
  SECRET_ENV_NAMES: true,
});

export type MigrateConfig = z.infer<typeof migrateConfigSchema>;
