/** Rotation periods in opsctl.yaml: a whole number of days or weeks, e.g. `90d`, `12w`. */
export const ROTATION_PATTERN = /^(\d+)(d|w)$/;

export type RotationParse = { ok: true; days: number } | { ok: false; message: string };

/** Parse a rotation period into days, or explain what is wrong with it. */
export function parseRotationPeriod(text: string): RotationParse {
  const match = ROTATION_PATTERN.exec(text.trim());
  if (!match) {
    return { ok: false, message: `expected a period such as 30d, 90d or 12w, got "${text}"` };
  }
  const days = Number(match[1]) * (match[2] === 'w' ? 7 : 1);
  if (days < 1) return { ok: false, message: 'a rotation period is at least 1d' };
  if (days > 3650) return { ok: false, message: `"${text}" is longer than ten years` };
  return { ok: true, days };
}
