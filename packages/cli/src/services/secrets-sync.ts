import type { CommandContext } from '../context/command-context.js';
import { EXIT_CODES } from '../errors/exit-codes.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { secretsRunInputs, type SecretsRunInputs } from '../secrets/run-inputs.js';
import { environmentDroplets } from '../images/environment-droplets.js';
import { withEnvironmentLock } from '../droplet/lock/with-environment-lock.js';
import type { TargetKind } from '../secrets/selection.js';
import { affectedServices, buildTargets } from '../secrets/sync/build-targets.js';
import { countOutcomes, renderSync, type SyncCounts } from '../secrets/sync/render-sync.js';
import { DropletTarget } from '../secrets/droplets/droplet-target.js';
import { restartServices, type RestartOutcome } from '../secrets/sync/restart.js';
import { syncTarget, type SyncRow } from '../secrets/sync/sync-target.js';

export interface SecretsSyncOptions {
  /** Sync only these secret names (default: all declared). */
  readonly only: readonly string[] | undefined;
  /** Sync only to these kinds of target (default: all). */
  readonly targets?: readonly TargetKind[] | undefined;
  /** Restart the services on the droplets so they read the new values. */
  readonly restart: boolean;
  /** KEY=value lines read from stdin (--stdin); they win over the environment and .env.<env>. */
  readonly stdin?: string | undefined;
  /** How long to wait for the environment's lock (default: do not wait). */
  readonly lockWaitMs?: number | undefined;
  /** Take over an abandoned lock. */
  readonly forceUnlock?: boolean | undefined;
}

export interface SecretsSyncResult {
  readonly environment: string;
  readonly dryRun: boolean;
  /** One row per secret and target: created, updated, unchanged or failed (and why). */
  readonly rows: readonly SyncRow[];
  readonly counts: SyncCounts;
  /** Services redeployed with --restart. */
  readonly restarted: readonly RestartOutcome[];
}

/**
 * Put each declared secret where it is declared, deciding by fingerprint what to write; nothing is
 * ever read back and no value is printed. Targets are independent: a failure at one does not stop
 * the others, and running again is idempotent. Dry run (context.dryRun): what would change.
 */
export async function secretsSync(
  context: CommandContext,
  options: SecretsSyncOptions,
): Promise<SecretsSyncResult> {
  try {
    return await sync(context, options);
  } finally {
    await context.executors.closeAll();
  }
}

async function sync(
  context: CommandContext,
  options: SecretsSyncOptions,
): Promise<SecretsSyncResult> {
  const inputs = await secretsRunInputs(
    context,
    { only: options.only, kinds: options.targets },
    options.stdin,
  );
  const targets = await buildTargets({ ctx: context, ...inputs });
  // Env files on droplets (and a --restart's redeploy) change droplets: under the environment's
  // lock, like a deploy. Targets elsewhere (GitHub, Vercel) alone need no lock.
  const touchesDroplets = targets.some((t) => t instanceof DropletTarget);
  const env = inputs.environment;
  const lockDroplets =
    touchesDroplets && !context.dryRun
      ? await environmentDroplets(context, env, inputs.configDir)
      : [];
  const locked = {
    environment: env.name,
    droplets: lockDroplets,
    kind: 'secrets-sync' as const,
    waitMs: options.lockWaitMs ?? 0,
    ttlMs: env.config.deploy.lockTtl,
    forceUnlock: options.forceUnlock ?? false,
  };
  return touchesDroplets
    ? withEnvironmentLock(context, locked, () => syncTargets(context, options, inputs, targets))
    : syncTargets(context, options, inputs, targets);
}

async function syncTargets(
  context: CommandContext,
  options: SecretsSyncOptions,
  inputs: SecretsRunInputs,
  targets: Awaited<ReturnType<typeof buildTargets>>,
): Promise<SecretsSyncResult> {
  // Only the selected secrets are synced; the others were read for droplet env files only.
  const values = new Map(
    [...inputs.values].filter(([name]) => inputs.selected.some((s) => s.name === name)),
  );
  const now = new Date().toISOString();
  const perTarget: SyncRow[][] = targets.map(() => []);
  await context.progress
    .tasks(
      targets.map((target, index) => ({
        title: `${target.label}: ${target.names.length} secret${target.names.length === 1 ? '' : 's'}`,
        task: async (_ctx, task) => {
          const rows = await syncTarget({
            target,
            values,
            fingerprints: inputs.fingerprints,
            dryRun: context.dryRun,
            now,
          });
          perTarget[index] = rows;
          const c = countOutcomes(rows);
          task.title = `${target.label}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed`;
        },
      })),
      { concurrent: 4, exitOnError: false },
    )
    .run();
  const rows = perTarget.flat();
  renderSync(context.output, inputs.environment.name, rows, context.dryRun);
  const changedServices = affectedServices(inputs.config, inputs.selected).filter((service) =>
    targets.some(
      (target, index) =>
        target instanceof DropletTarget &&
        target.service === service &&
        (perTarget[index] ?? []).some((r) => r.outcome === 'created' || r.outcome === 'updated'),
    ),
  );
  const restarted =
    options.restart && !context.dryRun && !rows.some((r) => r.outcome === 'failed')
      ? await restartServices(context, changedServices, inputs.source)
      : [];
  if (options.restart && context.dryRun && changedServices.length > 0) {
    context.output.line(`Would restart: ${changedServices.join(', ')}.`);
  }
  const result: SecretsSyncResult = {
    environment: inputs.environment.name,
    dryRun: context.dryRun,
    rows,
    counts: countOutcomes(rows),
    restarted,
  };
  if (result.counts.failed > 0) throw syncFailed(result, options.restart);
  return result;
}

function syncFailed(result: SecretsSyncResult, restart: boolean): OpsctlError {
  const failed = result.rows.filter((r) => r.outcome === 'failed');
  const someDone = failed.length < result.rows.length;
  return new OpsctlError({
    code: 'SECRETS_SYNC_FAILED',
    kind: 'external',
    exitCode: someDone ? EXIT_CODES.partial : EXIT_CODES.external,
    message: `Secrets sync of ${result.environment} failed for ${failed.length} of ${result.rows.length}: ${failed
      .map((r) => `${r.secret} at ${r.target} (${r.error ?? 'failed'})`)
      .join('; ')}.${restart ? ' No service was restarted.' : ''}`,
    hint: 'Each target is listed with its outcome; fix the cause named and run the same command again (it only writes what still differs).',
    details: result,
  });
}
