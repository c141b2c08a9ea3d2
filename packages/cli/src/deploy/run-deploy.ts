import { randomUUID } from 'node:crypto';
import { EXIT_CODES } from '../errors/exit-codes.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import type { ActiveRelease } from '../droplet/releases/active-release.js';
import type { Executor } from '../exec/executor.js';
import type { HostRun, HostSettings, ReleaseTarget } from './host-context.js';
import type { DeployEvent } from './deploy-events.js';
import { Gate } from './gate.js';
import { pullRelease, runPreDeploy, writeRuntimeEnv } from './host-prepare.js';
import {
  discardIdleSlot,
  pointNginxAt,
  retireOldSlot,
  startIdleSlot,
  switchHost,
} from './host-switch.js';
import { mapLimit } from './map-limit.js';
import { appendRelease, type ReleaseRecord } from '../droplet/releases/release-record.js';
import { smokeTest, type SmokeResult } from './smoke-test.js';
import type { WarmSlot } from '../droplet/releases/warm-slot.js';
import { switchToWarm } from './warm-switch.js';

export interface DropletHandle {
  readonly name: string;
  readonly exec: Executor;
}

export interface DeployRun {
  readonly environment: string;
  readonly kind: 'deploy' | 'rollback';
  readonly target: ReleaseTarget;
  readonly droplets: readonly DropletHandle[];
  readonly settings: HostSettings;
  readonly preDeploy: readonly string[] | undefined;
  readonly parallelism: number;
  readonly smoke: {
    readonly baseUrl: string | undefined;
    readonly paths: readonly string[];
    readonly versionPath: string | undefined;
    readonly routeTimeoutMs: number;
  };
  readonly autoRollback: boolean;
  /**
   * A warm rollback: each droplet's kept slot of the target, switched to on all droplets at once
   * (nothing to pull, start or prove first). Undefined: the release is started (cold).
   */
  readonly warm?: ReadonlyMap<string, WarmSlot> | undefined;
  /** For a rollback: which path was taken and why (reported in the result). */
  readonly path?: RunPath | undefined;
  readonly actor: string;
  readonly ciRunUrl: string | undefined;
  /** Each droplet's phases and notes as they happen; the caller chooses how to show them. */
  readonly report: (event: DeployEvent) => void;
  /** Masks secret values: a droplet's error can quote a command's output into the history. */
  readonly redact: (text: string) => string;
  readonly signal: AbortSignal | undefined;
}

export interface DropletOutcome {
  readonly droplet: string;
  readonly outcome: 'succeeded' | 'failed' | 'rolled-back' | 'skipped';
  readonly previousSha: string | undefined;
  readonly durationMs: number;
  readonly error: string | undefined;
}

export interface RunPath {
  readonly path: 'warm' | 'cold';
  readonly reason: string;
}

export interface DeployResult {
  readonly environment: string;
  readonly service: string;
  readonly kind: 'deploy' | 'rollback';
  readonly sha: string;
  readonly digest: string;
  readonly outcome: 'succeeded' | 'rolled-back' | 'failed';
  /** A rollback's path: warm (an nginx switch to the kept slot) or cold (the release started). */
  readonly path?: RunPath | undefined;
  readonly droplets: readonly DropletOutcome[];
  readonly smoke: SmokeResult | undefined;
  readonly durationMs: number;
  readonly dryRun: boolean;
}

interface Switched {
  readonly droplet: DropletHandle;
  readonly previous: ActiveRelease | undefined;
}

const hostRun = (run: DeployRun, d: DropletHandle, settings = run.settings): HostRun => ({
  exec: d.exec,
  // The env file's audit note names who deploys, taken from the environment unchecked: it is
  // written to the droplet's audit log, so it is masked like every other output.
  settings: { ...settings, envFileNote: run.redact(settings.envFileNote) },
  report: (event) => {
    run.report({ ...event, droplet: d.name, at: Date.now() });
  },
  signal: run.signal,
});

/**
 * The whole blue-green deploy once the lock is held. Every droplet pulls the image at once. The
 * first droplet goes ahead alone: env file, pre-deploy command (before any switch), new slot
 * healthy; only then do the others write their env file and start their new slot, and they
 * switch nginx only once the first serves the release (the first-host barrier: if the first
 * fails, the others never serve it, and a slot they started is removed). Then a smoke test
 * through the load balancer, and an automatic return to the previous release when anything
 * failed after a switch.
 */
export async function runDeploy(run: DeployRun): Promise<DeployResult> {
  const started = Date.now();
  const [first, ...rest] = run.droplets;
  if (first === undefined)
    throw new OpsctlError({
      code: 'NO_DROPLETS',
      kind: 'user',
      message: `Environment ${run.environment} has no droplets.`,
      hint: 'Check environments.<name>.droplets in opsctl.yaml.',
    });
  const switched: Switched[] = [];
  const failures = new Map<string, string>();
  const durations = new Map<string, number>();
  const healthyOnFirst = new Gate();
  const servingOnFirst = new Gate();

  const deployFirst = async (host: HostRun): Promise<void> => {
    await pullRelease(host, run.target);
    await writeRuntimeEnv(host);
    if (run.preDeploy !== undefined) await runPreDeploy(host, run.target, run.preDeploy);
    const idle = await startIdleSlot(host, run.target);
    healthyOnFirst.open();
    const result = await pointNginxAt(host, run.target, idle);
    switched.push({ droplet: first, previous: result.previous });
    servingOnFirst.open();
    await retireOldSlot(host, result);
  };
  const deployOther = async (host: HostRun, d: DropletHandle): Promise<void> => {
    await pullRelease(host, run.target);
    if (!(await healthyOnFirst.passed())) return;
    await writeRuntimeEnv(host);
    const idle = await startIdleSlot(host, run.target);
    if (!(await servingOnFirst.passed())) {
      await discardIdleSlot(host, idle);
      return;
    }
    const result = await pointNginxAt(host, run.target, idle);
    switched.push({ droplet: d, previous: result.previous });
    await retireOldSlot(host, result);
  };
  const warmSwitch = async (host: HostRun, d: DropletHandle, warm: WarmSlot): Promise<void> => {
    const result = await switchToWarm(host, run.target, warm);
    switched.push({ droplet: d, previous: result.previous });
    await retireOldSlot(host, result);
  };
  const attempt = async (d: DropletHandle): Promise<void> => {
    const t0 = Date.now();
    const host = hostRun(run, d);
    const warm = run.warm?.get(d.name);
    try {
      await (warm !== undefined
        ? warmSwitch(host, d, warm)
        : d === first
          ? deployFirst(host)
          : deployOther(host, d));
    } catch (error) {
      failures.set(d.name, error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      if (d === first) {
        healthyOnFirst.shut();
        servingOnFirst.shut();
      }
      durations.set(d.name, Date.now() - t0);
    }
  };

  const [firstOutcome, restOutcomes] = await Promise.all([
    attempt(first).then(
      () => ({ failed: false as const }),
      (error: unknown) => ({ failed: true as const, error }),
    ),
    // A warm switch starts nothing, so every droplet switches at once.
    mapLimit(rest, run.warm === undefined ? run.parallelism : Math.max(1, rest.length), attempt),
  ]);
  let firstError: unknown = firstOutcome.failed
    ? firstOutcome.error
    : restOutcomes.find((s) => s.status === 'rejected')?.reason;

  let smoke: SmokeResult | undefined;
  if (firstError === undefined && run.smoke.baseUrl !== undefined && !run.settings.dryRun) {
    smoke = await smokeTest({
      baseUrl: run.smoke.baseUrl,
      paths: run.smoke.paths,
      versionPath: run.smoke.versionPath,
      sha: run.target.sha,
      rounds: run.droplets.length * 2,
      routeTimeoutMs: run.smoke.routeTimeoutMs,
    });
    if (!smoke.ok)
      firstError = new OpsctlError({
        code: 'SMOKE_TEST_FAILED',
        kind: 'external',
        message: `Smoke test through the load balancer failed: ${smoke.failures.join('; ')}.`,
        hint: 'See the failures above; the release was not kept.',
      });
  }

  const rolledBack = new Set<string>();
  if (firstError !== undefined && run.autoRollback && !run.settings.dryRun) {
    for (const s of switched) {
      if (s.previous === undefined) continue;
      const message = `rolling back to ${s.previous.sha}`;
      run.report({ type: 'note', message, droplet: s.droplet.name, at: Date.now() });
      const back: ReleaseTarget = {
        sha: s.previous.sha,
        digest: s.previous.digest,
        image: s.previous.image,
      };
      // The failed release is not kept warm: nothing should roll back to it.
      const settings = { ...run.settings, warmWindowMs: 0 };
      try {
        await switchHost({ ...hostRun(run, s.droplet, settings), signal: undefined }, back);
        rolledBack.add(s.droplet.name);
      } catch (error) {
        failures.set(
          s.droplet.name,
          `rollback failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  const outcomes = run.droplets.map((d): DropletOutcome => {
    const s = switched.find((x) => x.droplet === d);
    const outcome = rolledBack.has(d.name)
      ? 'rolled-back'
      : failures.has(d.name)
        ? 'failed'
        : s !== undefined
          ? firstError === undefined
            ? 'succeeded'
            : 'failed'
          : 'skipped';
    return {
      droplet: d.name,
      outcome,
      previousSha: s?.previous?.sha,
      durationMs: s === undefined && !failures.has(d.name) ? 0 : (durations.get(d.name) ?? 0),
      error: failures.get(d.name),
    };
  });
  const history = run.settings.dryRun
    ? { recorded: [], failed: [] }
    : await recordReleases(run, outcomes, started);

  const result: DeployResult = {
    environment: run.environment,
    service: run.settings.service,
    kind: run.kind,
    sha: run.target.sha,
    digest: run.target.digest,
    outcome:
      firstError === undefined ? 'succeeded' : rolledBack.size > 0 ? 'rolled-back' : 'failed',
    ...(run.path === undefined ? {} : { path: run.path }),
    droplets: outcomes,
    smoke,
    durationMs: Date.now() - started,
    dryRun: run.settings.dryRun,
  };
  if (firstError !== undefined) throw deployFailure(firstError, result, history);
  if (history.failed.length > 0) throw historyIncomplete(result, history);
  return result;
}

/** Where the release history was written, and where it could not be (after retries). */
export interface HistoryWrites {
  readonly recorded: readonly string[];
  readonly failed: readonly { readonly droplet: string; readonly error: string }[];
}

async function recordReleases(
  run: DeployRun,
  outcomes: readonly DropletOutcome[],
  started: number,
): Promise<HistoryWrites> {
  const id = randomUUID();
  const writes = await Promise.all(
    outcomes
      .filter((o) => o.outcome !== 'skipped')
      .map(async (o) => {
        const d = run.droplets.find((x) => x.name === o.droplet);
        if (d === undefined) return { droplet: o.droplet, error: undefined };
        const record: ReleaseRecord = {
          id,
          kind: run.kind,
          service: run.settings.service,
          environment: run.environment,
          sha: run.target.sha,
          digest: run.target.digest,
          image: run.target.image,
          droplet: o.droplet,
          outcome: o.outcome === 'skipped' ? 'failed' : o.outcome,
          ...(o.previousSha === undefined ? {} : { previousSha: o.previousSha }),
          startedAt: new Date(started).toISOString(),
          durationMs: o.durationMs,
          actor: run.actor,
          ...(run.ciRunUrl === undefined ? {} : { ciRunUrl: run.ciRunUrl }),
          ...(o.error === undefined ? {} : { error: run.redact(o.error.split('\n')[0] ?? '') }),
        };
        try {
          await appendRelease(d.exec, run.settings.paths.releasesFile, record);
          return { droplet: o.droplet, error: undefined };
        } catch (error) {
          return { droplet: o.droplet, error: firstLine(error) };
        }
      }),
  );
  return {
    recorded: writes.filter((w) => w.error === undefined).map((w) => w.droplet),
    failed: writes.flatMap((w) =>
      w.error === undefined ? [] : [{ droplet: w.droplet, error: w.error }],
    ),
  };
}

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

const describeWrites = (h: HistoryWrites): string =>
  `The release history (releases.jsonl) could not be written on ${h.failed
    .map((f) => `${f.droplet} (${f.error})`)
    .join(
      ', ',
    )}; it was recorded on ${h.recorded.length === 0 ? 'no droplet' : h.recorded.join(', ')}.`;

/**
 * The release is live but a droplet's history lacks it: rollback and prune would judge that
 * droplet from stale history, so the run ends as a partial success (exit 4) saying where.
 */
function historyIncomplete(result: DeployResult, history: HistoryWrites): OpsctlError {
  return new OpsctlError({
    code: 'RELEASE_HISTORY_INCOMPLETE',
    kind: 'external',
    exitCode: EXIT_CODES.partial,
    message: `${result.kind === 'rollback' ? 'Rolled back' : 'Deployed'} ${result.sha} on every droplet. ${describeWrites(history)}`,
    hint: 'Check the droplets named above (disk, permissions of /var/lib/opsctl); the next deploy or rollback records again.',
    details: { result, history },
  });
}

function deployFailure(error: unknown, result: DeployResult, history: HistoryWrites): OpsctlError {
  const base = error instanceof OpsctlError ? error : undefined;
  const rolled = result.outcome === 'rolled-back';
  return new OpsctlError({
    code: base?.code ?? 'DEPLOY_FAILED',
    kind: base?.kind ?? 'external',
    message: `${base?.message ?? (error instanceof Error ? error.message : String(error))}${
      rolled
        ? `\nRolled back automatically to the previous release on: ${result.droplets
            .filter((d) => d.outcome === 'rolled-back')
            .map((d) => d.droplet)
            .join(', ')}.`
        : ''
    }${history.failed.length > 0 ? `\n${describeWrites(history)}` : ''}`,
    ...(base?.hint === undefined ? {} : { hint: base.hint }),
    details: { result, history },
    cause: error,
  });
}
