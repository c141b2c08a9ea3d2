import { REDACTED } from './secret.js';

/**
 * The first `max` characters of `text` with every one of `secrets` masked. Masking comes first:
 * a secret cut in half by the limit would no longer match, and its first half would be shown.
 */
export function redactedExcerpt(text: string, max: number, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a value that contains another is masked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join(REDACTED);
  }
  return out.slice(0, max);
}
