import type { SecretState } from './target.js';

export type PlanAction = 'create' | 'update' | 'unchanged';

/** Why a secret needs writing or not, decided from fingerprints alone. */
export type PlanReason = 'absent' | 'changed' | 'unrecorded' | 'current';

export interface PlanEntry {
  readonly name: string;
  readonly action: PlanAction;
  readonly reason: PlanReason;
}

/**
 * What a target needs, from what it holds and the fingerprints of the values to sync: absent
 * secrets are created; a present one whose stored fingerprint differs, or was never recorded
 * (set by hand, or before opsctl managed it), is updated; the rest are unchanged. Values are
 * never compared, only keyed hashes.
 */
export function planTarget(
  names: readonly string[],
  states: ReadonlyMap<string, SecretState>,
  fingerprints: ReadonlyMap<string, string>,
): PlanEntry[] {
  return names.map((name): PlanEntry => {
    const state = states.get(name);
    if (state === undefined || !state.present) return { name, action: 'create', reason: 'absent' };
    if (state.record === undefined) return { name, action: 'update', reason: 'unrecorded' };
    return state.record.fingerprint === fingerprints.get(name)
      ? { name, action: 'unchanged', reason: 'current' }
      : { name, action: 'update', reason: 'changed' };
  });
}
