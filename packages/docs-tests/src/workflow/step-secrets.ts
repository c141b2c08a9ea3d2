const SECRET = /\$\{\{\s*secrets\.([A-Z0-9_]+)\s*\}\}/g;

/** The names of the `${{ secrets.X }}` a part of a workflow (a step, a job's env) reads. */
export function secretsIn(value: unknown): string[] {
  return [...JSON.stringify(value ?? {}).matchAll(SECRET)].map((m) => m[1] ?? '');
}

/** The minutes of an opsctl call's `--lock-wait <n>m`, 0 without one. */
export function lockWaitMinutes(run: string): number {
  const match = /--lock-wait (\d+)m\b/.exec(run);
  return match ? Number(match[1]) : 0;
}
