import { describeFailure } from '../http/api-failure.js';
import type { SyncTarget } from '../sync/target.js';

export type CheckStatus = 'ok' | 'missing' | 'drift' | 'unrecorded' | 'due' | 'failed';

/** What `secrets check` found for one secret at one target. */
export interface CheckRow {
  readonly secret: string;
  readonly target: string;
  readonly status: CheckStatus;
  /** Days since the value last changed there, when known. */
  readonly ageDays: number | undefined;
  readonly rotateEveryDays: number;
  /** Why the target could not be checked. */
  readonly error?: string;
}

export interface CheckTargetInput {
  readonly target: SyncTarget;
  readonly fingerprints: ReadonlyMap<string, string>;
  readonly rotateEvery: ReadonlyMap<string, number>;
  readonly now: number;
}

const DAY_MS = 86_400_000;

/**
 * Presence, drift and age of one target's secrets. Missing beats drift beats age: a value that
 * is not there or not current needs a sync before its age means anything. "unrecorded" is a
 * secret opsctl did not write (no fingerprint beside it), so it cannot tell whether it is current.
 */
export async function checkTarget(input: CheckTargetInput): Promise<CheckRow[]> {
  const { target } = input;
  const rotate = (name: string): number => input.rotateEvery.get(name) ?? 90;
  let states;
  try {
    states = await target.inspect();
  } catch (error) {
    return target.names.map((name) => ({
      secret: name,
      target: target.label,
      status: 'failed',
      ageDays: undefined,
      rotateEveryDays: rotate(name),
      error: describeFailure(error),
    }));
  }
  return target.names.map((name): CheckRow => {
    const state = states.get(name);
    const since = state?.record?.updatedAt ?? state?.changedAt;
    const ageDays =
      since === undefined ? undefined : Math.floor((input.now - Date.parse(since)) / DAY_MS);
    const status: CheckStatus =
      state?.present !== true
        ? 'missing'
        : state.record === undefined
          ? 'unrecorded'
          : state.record.fingerprint !== input.fingerprints.get(name)
            ? 'drift'
            : ageDays !== undefined && ageDays > rotate(name)
              ? 'due'
              : 'ok';
    return {
      secret: name,
      target: target.label,
      status,
      ageDays,
      rotateEveryDays: rotate(name),
    };
  });
}
