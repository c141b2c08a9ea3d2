import { REDACTED } from './value-masker.js';

/** Field names whose values are secret wherever they appear in a log object, at any depth. */
export const DEFAULT_SECRET_KEY_PATTERN =
  /authorization|cookie|password|passwd|secret|token|api[-_]?key|private[-_]?key|credential/i;

/** Returns a copy of `value` with every field whose name matches `pattern` replaced. */
export function redactKeys(value: unknown, pattern: RegExp): unknown {
  if (Array.isArray(value)) return value.map((item) => redactKeys(item, pattern));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = pattern.test(key) ? REDACTED : redactKeys(field, pattern);
  }
  return copy;
}
