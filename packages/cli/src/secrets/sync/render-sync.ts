import type { Output } from '../../output/output.js';
import type { SyncRow } from './sync-target.js';

export type SyncCounts = Readonly<Record<SyncRow['outcome'], number>>;

export function countOutcomes(rows: readonly SyncRow[]): SyncCounts {
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/**
 * The summary for people: one line per secret and target. A dry run lists only what would
 * change, by name and target (never a value).
 */
export function renderSync(
  output: Output,
  environment: string,
  rows: readonly SyncRow[],
  dryRun: boolean,
): void {
  if (output.json) return;
  const counts = countOutcomes(rows);
  if (rows.length === 0) {
    output.line(`No secrets to sync in ${environment}.`);
    return;
  }
  if (dryRun) {
    const changes = rows.filter((r) => r.outcome === 'created' || r.outcome === 'updated');
    output.line(`Dry run of secrets sync ${environment}: nothing was changed.`);
    if (changes.length > 0) {
      output.table(changes, [
        { header: 'secret', value: (r) => r.secret },
        { header: 'target', value: (r) => r.target },
        { header: 'would be', value: (r) => r.outcome },
      ]);
    }
    output.line(
      `${counts.created} would be created, ${counts.updated} updated, ${counts.unchanged} unchanged${counts.failed > 0 ? `, ${counts.failed} cannot be synced` : ''}.`,
    );
    for (const row of rows.filter((r) => r.outcome === 'failed')) {
      output.line(`  ${row.secret} at ${row.target}: ${row.error ?? 'failed'}`);
    }
    return;
  }
  output.table(rows, [
    { header: 'secret', value: (r) => r.secret },
    { header: 'target', value: (r) => r.target },
    { header: 'outcome', value: (r) => r.outcome },
    { header: 'reason', value: (r) => r.error ?? '' },
  ]);
  output.line(
    `${environment}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed.`,
  );
}
