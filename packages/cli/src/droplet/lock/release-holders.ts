import { readHolder, recordSha256, type HolderRecord } from './holder-record.js';
import { parseLockAnswer, takeOverLock } from './lock-commands.js';
import type { LockDroplet } from './lock-types.js';
import type { ReleaseStep } from './release-plan.js';
import { releaseAll } from './release-all.js';

/**
 * What happened on one droplet: `free` (nothing to do), `released`, `would-release` (dry run),
 * `gone` (its holder released it meanwhile), `changed` (renewed or taken since it was read: left
 * alone), `failed` (the droplet did not answer).
 */
export type ReleaseOutcome = 'free' | 'released' | 'would-release' | 'gone' | 'changed' | 'failed';

export interface DropletRelease {
  readonly droplet: string;
  readonly outcome: ReleaseOutcome;
  readonly reason: string;
  /** The holder as read before anything was done (the one released, when it was). */
  readonly holder: HolderRecord | undefined;
  /** Who holds it now, when the record changed since it was read. */
  readonly holderNow: HolderRecord | undefined;
  readonly error: string | undefined;
}

export interface ReleaseInput {
  readonly lockDir: string;
  /** The token and record `lock release` holds the lock with between takeover and release. */
  readonly token: string;
  readonly record: string;
  /** Dry run: the executors only record the commands (so they are printed), nothing runs. */
  readonly dryRun: boolean;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Applies the plan, droplet by droplet in name order. A holder is given back in two guarded
 * steps: take it over only if its record is byte for byte the one read (compared by SHA-256, so a
 * holder that renewed meanwhile keeps its lock), then release it with the token taken over with.
 */
export async function releaseHolders(
  droplets: readonly LockDroplet[],
  steps: readonly ReleaseStep[],
  input: ReleaseInput,
): Promise<DropletRelease[]> {
  const out: DropletRelease[] = [];
  for (const step of steps) {
    const base = {
      droplet: step.lock.droplet,
      reason: step.reason,
      holder: step.lock.read?.record,
      holderNow: undefined,
      error: undefined,
    };
    const d = droplets.find((x) => x.name === step.lock.droplet);
    if (step.action !== 'release' || step.lock.read === undefined || d === undefined) {
      out.push({ ...base, outcome: 'free' });
      continue;
    }
    try {
      out.push({ ...base, ...(await releaseOne(d, recordSha256(step.lock.read.raw), input)) });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      out.push({ ...base, outcome: 'failed', error: message });
    }
  }
  return out;
}

async function releaseOne(
  d: LockDroplet,
  readSha256: string,
  input: ReleaseInput,
): Promise<Pick<DropletRelease, 'outcome'> & Partial<Pick<DropletRelease, 'holderNow'>>> {
  const cas = takeOverLock(input.lockDir, input.token, readSha256, input.record);
  const answer = parseLockAnswer((await d.exec.run(cas)).stdout);
  if (input.dryRun) {
    await releaseAll([d], input.lockDir, input.token, input.sleep);
    return { outcome: 'would-release' };
  }
  if (answer.status === 'acquired') {
    await releaseAll([d], input.lockDir, input.token, input.sleep);
    return { outcome: 'released' };
  }
  if (answer.status === 'gone') return { outcome: 'gone' };
  // `changed` with the current record, or `busy` (another run held the guard throughout).
  return {
    outcome: 'changed',
    holderNow: answer.record === '' ? undefined : readHolder(answer.record).record,
  };
}
