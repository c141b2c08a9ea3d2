import { execFileSync } from 'node:child_process';

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** min, median and max of samples (ms). */
export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { min: sorted[0] ?? 0, median, max: sorted.at(-1) ?? 0 };
}

/** Wall time of `runs` runs of a command that must succeed, one after the other, in ms. */
export function timeRuns(
  file: string,
  args: readonly string[],
  runs: number,
  env: NodeJS.ProcessEnv,
): number[] {
  return Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    execFileSync(file, args, { env, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}
