import type { Output } from '../../output/output.js';
import type { CheckRow, CheckStatus } from './check-target.js';

const WORDS: Readonly<Record<CheckStatus, string>> = {
  ok: 'ok',
  missing: 'missing',
  drift: 'out of date',
  unrecorded: 'not set by opsctl',
  due: 'due for rotation',
  failed: 'could not check',
};

export const describeStatus = (status: CheckStatus): string => WORDS[status];

/** The check table for people: one line per secret and target, then what needs doing. */
export function renderCheck(output: Output, environment: string, rows: readonly CheckRow[]): void {
  if (output.json) return;
  if (rows.length === 0) {
    output.line(`No secrets declared in ${environment}.`);
    return;
  }
  output.table(rows, [
    { header: 'secret', value: (r) => r.secret },
    { header: 'target', value: (r) => r.target },
    { header: 'status', value: (r) => describeStatus(r.status) },
    { header: 'age', value: (r) => (r.ageDays === undefined ? '-' : `${r.ageDays}d`) },
    { header: 'rotate every', value: (r) => `${r.rotateEveryDays}d` },
    { header: 'reason', value: (r) => r.error ?? '' },
  ]);
  const bad = rows.filter((r) => r.status !== 'ok').length;
  output.line(
    bad === 0
      ? `${environment}: every secret is present, current and within its rotation period.`
      : `${environment}: ${bad} of ${rows.length} need attention.`,
  );
}
