import { z } from 'zod';
import { DURATION_PATTERN, parseDuration } from '../duration.js';

/** Lower-case names used in container, image and file names: services, environments, project. */
export const slugName = (what: string) =>
  z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{0,39}$/,
      `${what} names start with a lower-case letter and use only a-z, 0-9 and "-" (at most 40)`,
    );

/** An environment variable name, e.g. DATABASE_URL. */
export const envVarName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name such as DATABASE_URL');

export const tcpPort = z.int().min(1).max(65_535);

/** An absolute URL path such as /health. */
export const urlPath = z
  .string()
  .regex(/^\/\S*$/, 'expected a path starting with "/", e.g. /health');

/**
 * A duration string in the file (`30s`); milliseconds after parsing. Use `.prefault('30s')`
 * for defaults so the default goes through the same parsing.
 */
export const duration = z
  .string()
  .regex(DURATION_PATTERN, 'expected a duration such as 500ms, 30s, 5m or 1h')
  .transform((text, ctx) => {
    const parsed = parseDuration(text);
    if (parsed.ok) return parsed.ms;
    ctx.issues.push({ code: 'custom', message: parsed.message, input: text });
    return z.NEVER;
  });

/** A file path on this machine; relative paths resolve against opsctl.yaml's directory, ~ to home. */
export const localPath = z.string().min(1, 'expected a file path');
