import type { SelectedEnvironment } from '../config/select-environment.js';
import type { LoadedConfig } from '../config/types.js';
import type { ExecutorFactory } from '../exec/executor-factory.js';
import type { Logger } from '../output/logger.js';
import type { Output } from '../output/output.js';
import type { Progress } from '../progress/progress.js';
import type { Redactor } from '../secrets/redactor.js';

/**
 * Everything a service needs, passed down explicitly (no module singletons). The base command
 * builds one per run; tests build their own with {@link createCommandContext}.
 */
export interface CommandContext {
  /** Directory the command was started in. */
  readonly cwd: string;
  /** Environment variables of this run; read these, not process.env. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** --json: results go in the envelope, human output and progress are silent. */
  readonly json: boolean;
  readonly verbose: boolean;
  /** --dry-run: executors record instead of running (see {@link ExecutorFactory}). */
  readonly dryRun: boolean;
  /** Aborted on Ctrl-C; pass it to executors and long waits. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly output: Output;
  readonly progress: Progress;
  /** Register every secret value here as soon as it is read, so no output can show it. */
  readonly redactor: Redactor;
  readonly executors: ExecutorFactory;
  /**
   * The validated opsctl.yaml, read on first call and cached. Throws `CONFIG_INVALID` (or
   * `CONFIG_NOT_FOUND`) listing every problem.
   */
  config(): Promise<LoadedConfig>;
  /**
   * Forgets the cached config, so the next {@link config} reads opsctl.yaml and the settings beside
   * it again: after `.env.<environment>` was (re)written, e.g. by bringing the local environment up.
   */
  reloadConfig(): void;
  /**
   * The environment this command acts on: its argument, else OPSCTL_ENV, else
   * `defaultEnvironment`. Throws `ENVIRONMENT_NOT_SET` / `ENVIRONMENT_UNKNOWN`.
   */
  environment(): Promise<SelectedEnvironment>;
}
