import { parseDuration } from '../config/duration.js';
import { OpsctlError } from '../errors/opsctl-error.js';

/**
 * `--since` as docker takes it: a duration (`10m`, `2h`: back from now, counted on the droplet)
 * or an ISO 8601 time (`2026-12-08T01:00:00Z`), checked here so a typo is a usage error and not a
 * docker failure on every droplet.
 */
export function logSince(text: string): string {
  const duration = parseDuration(text);
  if (duration.ok) return `${Math.max(1, Math.ceil(duration.ms / 1000))}s`;
  const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())
    ? Date.parse(text.trim())
    : Number.NaN;
  if (!Number.isNaN(at)) return new Date(at).toISOString();
  throw new OpsctlError({
    code: 'USAGE',
    kind: 'user',
    message: `--since "${text}" is neither a duration nor a time.`,
    hint: 'Pass a duration such as 30s, 10m or 2h, or a time such as 2026-12-08T01:00:00Z.',
  });
}
