import { describe, expect, it } from 'vitest';
import { redactedExcerpt } from '../../../src/secrets/redacted-excerpt.js';

const SENTINEL = 'SENTINEL-token-1234567890abcdef';

describe('redactedExcerpt', () => {
  it('masks a secret that straddles the limit instead of showing its first half', () => {
    const text = `${'a'.repeat(95)}${SENTINEL}${'b'.repeat(50)}`;
    const out = redactedExcerpt(text, 100, [SENTINEL]);
    expect(out).toBe(`${'a'.repeat(95)}[reda`);
    expect(out).not.toContain(SENTINEL.slice(0, 5));
  });

  it('masks the longer of two overlapping secrets whole', () => {
    expect(redactedExcerpt('key=abcdef123456', 100, ['abcdef', 'abcdef123456'])).toBe(
      'key=[redacted]',
    );
  });
});
