/** Durations in opsctl.yaml and flags: a whole number and a unit, e.g. `500ms`, `30s`, `5m`, `1h`. */
export const DURATION_PATTERN = /^(\d+)(ms|s|m|h)$/;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

export type DurationParse = { ok: true; ms: number } | { ok: false; message: string };

/** Parse a duration string into milliseconds, or explain what is wrong with it. */
export function parseDuration(text: string): DurationParse {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) {
    return {
      ok: false,
      message: `expected a duration such as 500ms, 30s, 5m or 1h, got "${text}"`,
    };
  }
  const amount = Number(match[1]);
  const ms = amount * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!Number.isSafeInteger(ms)) return { ok: false, message: `duration "${text}" is too long` };
  return { ok: true, ms };
}

/** Render milliseconds back as the shortest exact duration string (for messages). */
export function formatDuration(ms: number): string {
  for (const unit of ['h', 'm', 's'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
