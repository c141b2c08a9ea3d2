import type { ActiveRelease } from './active-release.js';
import type { ReleaseRecord } from './release-record.js';

/**
 * The one definition of "the previous release", used by rollback (where it goes), prune (what it
 * keeps) and status (what it shows): the newest successful release in the droplet's history
 * whose commit is not the one serving now.
 */
export function previousRelease(
  history: readonly ReleaseRecord[],
  active: Pick<ActiveRelease, 'sha'> | undefined,
): ReleaseRecord | undefined {
  return [...history].reverse().find((r) => r.outcome === 'succeeded' && r.sha !== active?.sha);
}
