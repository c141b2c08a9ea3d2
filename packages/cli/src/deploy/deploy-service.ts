import { actorName, auditActor, ciRunUrl } from '../context/actor.js';
import type { CommandContext } from '../context/command-context.js';
import { command } from '../exec/remote-command.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { withEnvironmentLock } from '../droplet/lock/with-environment-lock.js';
import { writeStepSummary } from './step-summary.js';
import { pruneAfterDeploy } from '../images/prune-after-deploy.js';
import { withRegistryErrors } from '../images/errors.js';
import { registrySite } from '../images/registry-site.js';
import { environmentHandles } from './environment-handles.js';
import { renderEnvFile } from './env-file.js';
import type { HostSettings, ReleaseTarget } from './host-context.js';
import { resolveTarget } from './resolve-target.js';
import { runDeploy, type DeployResult } from './run-deploy.js';
import { runtimeEnv } from './runtime-env.js';
import { chooseRollbackTarget } from './rollback-target.js';
import { chooseRollbackPath, type RollbackPath } from './rollback-path.js';
import { probeWarm } from './warm-switch.js';
import { checkShaPrefix } from './sha-prefix.js';
import { dropletSecretsOf } from '../secrets/declarations.js';
import type { ValueSource } from '../secrets/values/value-source.js';

export interface DeployOptions {
  readonly service: string | undefined;
  readonly sha: string | undefined;
  readonly lockWaitMs: number;
  readonly forceUnlock: boolean;
  readonly autoRollback: boolean;
  readonly kind: 'deploy' | 'rollback';
  /**
   * Where secret values come from (`secrets sync --restart` passes the source it synced from,
   * stdin included); by default the process environment, then `.env.<env>`.
   */
  readonly valueSource?: ValueSource | undefined;
  /**
   * The caller already holds the environment's lock (`secrets sync --restart`) and owns the run's
   * connections: they stay open for it to release the lock.
   */
  readonly underLock?: boolean;
}

/**
 * `opsctl deploy` and `opsctl rollback`: settle everything that can be settled without changing
 * anything (config, image digest, droplets, SSH with verified host keys, secret values), then take
 * the environment's lock on every droplet and run the blue-green deploy. A rollback's target is
 * read from the droplets under the lock, so no deploy can change the history between the choice
 * and the switch. The lock is released on every outcome.
 */
export async function deploy(ctx: CommandContext, opts: DeployOptions): Promise<DeployResult> {
  // A malformed --sha is refused before anything is looked up or connected to.
  if (opts.kind === 'rollback' && opts.sha !== undefined) checkShaPrefix(opts.sha);
  const h = await environmentHandles(ctx, opts.service);
  const { environment: env, service, serviceConfig: svc, configDir, droplets: handles, paths } = h;
  // The same registry access push and prune use; droplets get read-only credentials.
  const site = registrySite(ctx, { config: env.config.registry, environment: env.name, configDir });
  const login = await site.pullLogin();
  const registry = { ...site.repository(service, login), login };
  const deploy = env.config.deploy;
  try {
    if (handles.length === 0)
      throw new OpsctlError({
        code: 'NO_DROPLETS',
        kind: 'user',
        message: `Environment ${env.name} has no droplets.`,
        hint: 'Check its droplets in opsctl.yaml.',
      });
    const values = runtimeEnv({
      plain: svc.env,
      secretNames: dropletSecretsOf(env.config.secrets, service).map((s) => s.name),
      environment: env.name,
      configDir,
      processEnv: ctx.env,
      redactor: ctx.redactor,
      source: opts.valueSource,
    });
    // A deploy's image is settled before the lock (it reads only the registry); a rollback's
    // target comes from the droplets' history, so it is chosen under the lock.
    const wanted =
      opts.kind === 'deploy'
        ? await withRegistryErrors(site.server, async () =>
            resolveTarget(
              registry.client,
              registry.repo,
              opts.sha ?? (await headSha(ctx, configDir)),
            ),
          )
        : undefined;
    const locked = {
      environment: env.name,
      droplets: handles,
      kind: opts.kind,
      sha: wanted?.sha ?? opts.sha,
      waitMs: opts.lockWaitMs,
      ttlMs: deploy.lockTtl,
      forceUnlock: opts.forceUnlock,
    };
    const underLock = <T>(work: () => Promise<T>): Promise<T> =>
      opts.underLock === true ? work() : withEnvironmentLock(ctx, locked, work);
    return await underLock(async () => {
      const target: ReleaseTarget =
        wanted ??
        (await withRegistryErrors(site.server, () =>
          chooseRollbackTarget({
            droplets: handles,
            paths,
            registry: registry.client,
            repo: registry.repo,
            sha: opts.sha,
          }),
        ));
      const settings: HostSettings = {
        service,
        containerPort: svc.port,
        healthPath: svc.healthPath,
        slots: deploy.slots,
        healthTimeoutMs: deploy.healthTimeout,
        healthIntervalMs: deploy.healthInterval,
        drainTimeoutMs: deploy.drainTimeout,
        warmWindowMs: deploy.warmWindow,
        paths,
        envFile: renderEnvFile(values),
        envFileNote: `${opts.kind} ${target.sha} by ${auditActor(ctx.env)}`,
        envNames: [...values.keys()],
        registryLogin: registry.login,
        dryRun: ctx.dryRun,
      };
      // Decided under the lock too: a deploy meanwhile replaces the kept slot.
      const path: RollbackPath | undefined =
        opts.kind === 'rollback'
          ? chooseRollbackPath({
              windowMs: deploy.warmWindow,
              target,
              now: new Date(),
              probes: await Promise.all(
                handles.map((d) =>
                  probeWarm(d.name, d.exec, {
                    paths,
                    slots: deploy.slots,
                    healthPath: svc.healthPath,
                    sha: target.sha,
                    now: new Date(),
                  }),
                ),
              ),
            })
          : undefined;
      ctx.logger.info(
        `${opts.kind === 'rollback' ? 'Rolling back' : 'Deploying'} ${service} ${target.sha} to ${env.name} (${handles.map((h) => h.name).join(', ')})${path === undefined ? '' : `: ${path.path} path, ${path.reason}`}`,
      );
      const redact = (text: string): string => ctx.redactor.redact(text);
      const progress = ctx.progress.droplets(handles.map((h) => h.name));
      const result = await runDeploy({
        environment: env.name,
        kind: opts.kind,
        target,
        droplets: handles,
        settings,
        preDeploy: opts.kind === 'deploy' ? svc.preDeploy : undefined,
        parallelism: deploy.parallelism,
        smoke: {
          baseUrl: env.config.loadBalancer?.url,
          paths: deploy.smoke.paths,
          versionPath: deploy.smoke.versionPath,
          routeTimeoutMs: deploy.smoke.routeTimeout,
        },
        autoRollback: opts.autoRollback && deploy.autoRollback,
        warm: path?.path === 'warm' ? path.slots : undefined,
        path: path === undefined ? undefined : { path: path.path, reason: path.reason },
        actor: actorName(ctx.env),
        ciRunUrl: ciRunUrl(ctx.env),
        report: (event) => {
          progress.report(event);
        },
        redact,
        signal: ctx.signal,
      })
        .finally(() => progress.close())
        .catch(async (error: unknown) => {
          const failed =
            error instanceof OpsctlError
              ? (error.details as { result?: DeployResult } | undefined)?.result
              : undefined;
          if (failed !== undefined) await writeStepSummary(ctx.env, failed, redact);
          throw error;
        });
      await writeStepSummary(ctx.env, result, redact);
      // Like Kamal, old images go after a successful deploy; never the active or previous release.
      if (!ctx.dryRun && deploy.prune.enabled) {
        await pruneAfterDeploy(ctx, { environment: env.name, service, keep: deploy.prune.keep });
      }
      return result;
    });
  } finally {
    // A nested deploy (`secrets sync --restart`) runs inside its caller's lock, which still has to
    // renew and release it over these connections: the caller closes them. Closed here, the lock's
    // release reconnected on executors no one closed again, and the command never exited.
    if (opts.underLock !== true) await ctx.executors.closeAll();
  }
}

async function headSha(ctx: CommandContext, dir: string): Promise<string> {
  const result = await ctx.executors.local().run(
    command(['git', '-C', dir, 'rev-parse', 'HEAD'], {
      description: 'read the commit of HEAD',
      readOnly: true,
    }),
    { allowFailure: true },
  );
  const sha = result.stdout.trim();
  if (result.exitCode !== 0 || sha === '') {
    throw new OpsctlError({
      code: 'GIT_HEAD_UNKNOWN',
      kind: 'user',
      message: `Cannot read the commit of HEAD in ${dir}.`,
      hint: 'Run inside a git repository, or pass --sha.',
    });
  }
  return sha;
}
