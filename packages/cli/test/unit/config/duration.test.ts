import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/config/duration.js';

describe('parseDuration', () => {
  it.each([
    ['0s', 0],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each(['30', '1.5s', '-1s', '5 m', 'five minutes', '1d', ''])(
    'explains why %j is not a duration',
    (text) => {
      expect(parseDuration(text)).toEqual({
        ok: false,
        message: `expected a duration such as 500ms, 30s, 5m or 1h, got "${text}"`,
      });
    },
  );

  it('refuses durations too long to count in milliseconds', () => {
    expect(parseDuration('99999999999999999h')).toMatchObject({ ok: false });
  });

  it('formats milliseconds back to the shortest exact unit', () => {
    expect([250, 1000, 90_000, 120_000, 3_600_000].map(formatDuration)).toEqual([
      '250ms',
      '1s',
      '90s',
      '2m',
      '1h',
    ]);
  });
});
