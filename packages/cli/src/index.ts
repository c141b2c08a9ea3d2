// The public programming interface of @opsctl/cli: what services, tests and other packages build
// on. Re-exports only; importing this module does no work.

export type { CommandContext } from './context/command-context.js';
export {
  createCommandContext,
  type CommandContextOptions,
} from './context/create-command-context.js';

export {
  OpsctlError,
  isOpsctlError,
  type ErrorKind,
  type OpsctlErrorOptions,
} from './errors/opsctl-error.js';
export { ERROR_CODES, type FrameworkErrorCode } from './errors/error-codes.js';
export {
  EXIT_CODES,
  exitCodeTable,
  type ExitCode,
  type ExitCodeName,
} from './errors/exit-codes.js';
export { toOpsctlError } from './errors/to-opsctl-error.js';

export { Secret, REDACTED, isSecret } from './secrets/secret.js';
export { Redactor, MIN_MASKED_LENGTH } from './secrets/redactor.js';
// The format of .env.local: the local plugin writes it, the core reads it.
export { parseDotenv } from './secrets/values/dotenv.js';

export { loadConfig, findConfigFile, CONFIG_FILE_NAME } from './config/load-config.js';
export { parseConfigText, type ConfigLoadResult } from './config/parse-config.js';
export { formatProblem, type ConfigProblem } from './config/problem.js';
export {
  selectEnvironment,
  type SelectedEnvironment,
  type EnvironmentSource,
} from './config/select-environment.js';
export { parseDuration, formatDuration } from './config/duration.js';
export { opsctlConfigSchema } from './config/schema/opsctl-config.js';
export type * from './config/types.js';

export type { Executor, RunOptions, RunResult } from './exec/executor.js';
export { command, type RemoteCommand, type CommandArg } from './exec/remote-command.js';
export { shellQuote, shellLine } from './exec/shell-quote.js';
export { LocalExecutor } from './exec/local-executor.js';
export { SshExecutor } from './exec/ssh-executor.js';
export { DryRunExecutor } from './exec/dry-run-executor.js';
export { DryRunPlan, type PlannedCommand } from './exec/dry-run-plan.js';
export { formatPlan } from './exec/format-plan.js';
export {
  RecordingExecutor,
  type ScriptedResponse,
  type RecordedCall,
} from './exec/recording-executor.js';
export { createExecutorFactory, type ExecutorFactory } from './exec/executor-factory.js';
export {
  sshTargetFor,
  sshTargetLabel,
  staticSshTargets,
  type SshTarget,
} from './exec/ssh/ssh-target.js';

export type { Output } from './output/output.js';
export type { Logger } from './output/logger.js';
export { renderTable, type TableColumn } from './output/table.js';
export type { SuccessEnvelope, FailureEnvelope, JsonEnvelope } from './output/json-envelope.js';
export { chooseRenderer, type ProgressRenderer } from './progress/choose-renderer.js';
export type { Progress, TaskListOptions } from './progress/progress.js';

// For plugins (@opsctl/plugin-local): their commands extend the same base, and the local
// environment answers the core's hook before `deploy local`.
export { BaseCommand, type CommandFlags, type CommandArgs } from './base-command.js';
export {
  LOCAL_ENVIRONMENT,
  LOCAL_ENVIRONMENT_HOOK,
  LOCAL_PLUGIN,
  type LocalEnvironmentHookOptions,
  type LocalEnvironmentReady,
} from './plugins/local-environment.js';
