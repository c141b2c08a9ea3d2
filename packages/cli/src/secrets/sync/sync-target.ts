import { describeFailure } from '../http/api-failure.js';
import type { Secret } from '../secret.js';
import { planTarget } from './plan.js';
import type { Delivery, SyncTarget, WriteResult } from './target.js';

/** The outcome of one secret at one target. In a dry run, created/updated mean "would be". */
export interface SyncRow {
  readonly secret: string;
  readonly target: string;
  readonly outcome: 'created' | 'updated' | 'unchanged' | 'failed';
  /** Why it failed; names the call and the API's reason, never the value. */
  readonly error?: string;
}

export interface SyncTargetInput {
  readonly target: SyncTarget;
  /** Values of the secrets to sync (a subset of the target's names with --only). */
  readonly values: ReadonlyMap<string, Secret>;
  readonly fingerprints: ReadonlyMap<string, string>;
  readonly dryRun: boolean;
  readonly now: string;
}

/**
 * Syncs one target: refuse what it can never take, inspect what it holds, plan by fingerprint,
 * and (unless a dry run) write what differs. A failure fails only this target's rows.
 */
export async function syncTarget(input: SyncTargetInput): Promise<SyncRow[]> {
  const { target } = input;
  const names = target.names.filter((name) => input.values.has(name));
  const row = (secret: string, outcome: SyncRow['outcome'], error?: string): SyncRow => ({
    secret,
    target: target.label,
    outcome,
    ...(error === undefined ? {} : { error }),
  });
  const refused = new Map<string, string>();
  for (const name of names) {
    const value = input.values.get(name);
    const why = value === undefined ? undefined : target.refuse(name, value);
    if (why !== undefined) refused.set(name, why);
  }
  let states;
  try {
    states = await target.inspect();
  } catch (error) {
    return names.map((name) => row(name, 'failed', refused.get(name) ?? describeFailure(error)));
  }
  const plan = planTarget(
    names.filter((name) => !refused.has(name)),
    states,
    input.fingerprints,
  );
  const deliveries: Delivery[] = plan.flatMap((entry) => {
    const value = input.values.get(entry.name);
    const fingerprint = input.fingerprints.get(entry.name);
    if (entry.action === 'unchanged' || value === undefined || fingerprint === undefined) return [];
    return [{ name: entry.name, value, fingerprint, action: entry.action }];
  });
  let results: ReadonlyMap<string, WriteResult> = new Map();
  if (!input.dryRun && deliveries.length > 0) {
    try {
      results = await target.write(deliveries, input.now);
    } catch (error) {
      results = new Map(deliveries.map((d) => [d.name, { error: describeFailure(error) }]));
    }
  }
  return names.map((name) => {
    const why = refused.get(name);
    if (why !== undefined) return row(name, 'failed', why);
    const entry = plan.find((e) => e.name === name);
    if (entry === undefined || entry.action === 'unchanged') return row(name, 'unchanged');
    if (input.dryRun) return row(name, entry.action === 'create' ? 'created' : 'updated');
    const result = results.get(name) ?? { error: 'not written (no answer from the target)' };
    return 'error' in result ? row(name, 'failed', result.error) : row(name, result.outcome);
  });
}
