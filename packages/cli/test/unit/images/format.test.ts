import { describe, expect, it } from 'vitest';
import { formatAge, formatBytes, shortDigest } from '../../../src/images/format.js';
import { buildTimestamp } from '../../../src/images/automatic-args.js';

describe('listing formats', () => {
  it('shortens a digest to its algorithm and 12 hex characters', () => {
    expect(shortDigest(`sha256:${'ab'.repeat(32)}`)).toBe('sha256:abababababab');
  });

  it('writes sizes in binary units', () => {
    expect(formatBytes(undefined)).toBe('-');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MiB');
  });

  it('writes ages coarsely', () => {
    const now = new Date('2026-01-10T00:00:00Z');
    expect(formatAge('2026-01-09T23:59:30Z', now)).toBe('30 s');
    expect(formatAge('2026-01-09T23:15:00Z', now)).toBe('45 min');
    expect(formatAge('2026-01-09T21:00:00Z', now)).toBe('3 h');
    expect(formatAge('2026-01-01T00:00:00Z', now)).toBe('9 d');
    expect(formatAge(undefined, now)).toBe('-');
  });

  it('stamps builds to the second in UTC', () => {
    expect(buildTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
  });
});
