/** How many colours progress may use: 0 none, 1 the basic 16, 2 256, 3 truecolor (chalk's levels). */
export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * The colour level of a run, read from its environment rather than chalk's own detection (which
 * reads process.env and process.argv once at import). As in Node itself, `FORCE_COLOR` wins
 * (`0`/`false` turn colour off, `2`/`3` raise the level, anything else is 1); otherwise a
 * non-empty `NO_COLOR` (no-color.org) turns it off; otherwise colour only on a terminal that is
 * not `TERM=dumb`.
 */
export function colorLevel(
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): ColorLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as ColorLevel;
    return 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return isTTY && env.TERM !== 'dumb' ? 1 : 0;
}
