import type { Redactor } from '../secrets/redactor.js';
import { DryRunExecutor } from './dry-run-executor.js';
import { DryRunPlan } from './dry-run-plan.js';
import type { Executor } from './executor.js';
import { LocalExecutor } from './local-executor.js';
import { SshExecutor } from './ssh-executor.js';
import { sshTargetLabel, type SshTarget } from './ssh/ssh-target.js';

/**
 * Hands out executors for one command run. In dry-run mode every executor records into one
 * shared {@link DryRunPlan} (read-only commands still run for real). One executor, and so one
 * SSH connection, per host; {@link ExecutorFactory.closeAll} ends them all.
 */
export interface ExecutorFactory {
  readonly dryRun: boolean;
  /** The executor for a droplet; the same instance for the same user@host:port. */
  forHost(target: SshTarget): Executor;
  /** The executor for this machine (docker build, git...). */
  local(): Executor;
  /** What a dry run recorded so far (empty when not a dry run). */
  readonly plan: DryRunPlan;
  closeAll(): Promise<void>;
}

export interface ExecutorFactoryOptions {
  readonly dryRun: boolean;
  readonly redactor: Redactor;
  /** Receives each command line (redacted) before it runs; wire to logger.debug. */
  readonly onCommand?: (line: string) => void;
  /** Working directory for local commands. */
  readonly cwd?: string;
  /** Build the real executors differently (tests pass recording executors here). */
  readonly createHostExecutor?: (target: SshTarget) => Executor;
  readonly createLocalExecutor?: () => Executor;
}

export function createExecutorFactory(options: ExecutorFactoryOptions): ExecutorFactory {
  const plan = new DryRunPlan();
  const hosts = new Map<string, Executor>();
  let local: Executor | undefined;
  const common = {
    redactor: options.redactor,
    ...(options.onCommand ? { onCommand: options.onCommand } : {}),
  };
  const realHost = (target: SshTarget): Executor =>
    options.createHostExecutor?.(target) ?? new SshExecutor(target, common);
  const realLocal = (): Executor =>
    options.createLocalExecutor?.() ??
    new LocalExecutor({ ...common, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return {
    dryRun: options.dryRun,
    plan,
    forHost(target) {
      const key = `${target.user}@${target.host}:${target.port}`;
      let executor = hosts.get(key);
      if (!executor) {
        const real = realHost(target);
        executor = options.dryRun ? new DryRunExecutor(sshTargetLabel(target), plan, real) : real;
        hosts.set(key, executor);
      }
      return executor;
    },
    local() {
      local ??= options.dryRun ? new DryRunExecutor('local', plan, realLocal()) : realLocal();
      return local;
    },
    async closeAll() {
      const all = [...hosts.values(), ...(local ? [local] : [])];
      hosts.clear();
      local = undefined;
      await Promise.allSettled(all.map((executor) => executor.close()));
    },
  };
}
