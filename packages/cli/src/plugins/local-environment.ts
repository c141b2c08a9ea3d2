import type { Config } from '@oclif/core';
import type { CommandContext } from '../context/command-context.js';
import { OpsctlError } from '../errors/opsctl-error.js';

/**
 * The environment named `local` is the one `@opsctl/plugin-local` runs on this machine. The core
 * knows it only through this hook, so an installed opsctl carries none of the local
 * environment's weight (Prism, Dockerfiles, stand-ins for the cloud APIs).
 */
export const LOCAL_ENVIRONMENT = 'local';
export const LOCAL_PLUGIN = '@opsctl/plugin-local';
export const LOCAL_ENVIRONMENT_HOOK = 'opsctl:local-environment';

/** What the core passes to the hook (oclif adds `config` and claims the name `context`). */
// A type, not an interface: oclif's hook options are a Record, which interfaces do not satisfy.
export type LocalEnvironmentHookOptions = {
  readonly commandContext: CommandContext;
};

/** The hook's answer once the local environment is up and .env.local written. */
export interface LocalEnvironmentReady {
  /** `--build-arg` values an image needs to build there (its registry cannot reach Docker Hub). */
  readonly buildArgs: readonly string[];
}

/** Brings the local environment up (or keeps it) before `deploy local`. */
export type LocalEnvironmentProvider = (context: CommandContext) => Promise<LocalEnvironmentReady>;

export function missingLocalPlugin(what: string): OpsctlError {
  return new OpsctlError({
    code: 'LOCAL_PLUGIN_MISSING',
    kind: 'user',
    message: `${what} needs the local environment, which comes with the plugin ${LOCAL_PLUGIN}; it is not installed.`,
    hint: `Install it with: opsctl plugins install ${LOCAL_PLUGIN}`,
  });
}

function isReady(value: unknown): value is LocalEnvironmentReady {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { buildArgs?: unknown }).buildArgs)
  );
}

/** The provider that asks the installed plugins through {@link LOCAL_ENVIRONMENT_HOOK}. */
export function localEnvironmentFromPlugins(config: Config): LocalEnvironmentProvider {
  return async (context) => {
    const options: LocalEnvironmentHookOptions = { commandContext: context };
    // captureErrors: a failing plugin is reported below as opsctl's own error, not oclif's.
    const { successes, failures } = await config.runHook(
      LOCAL_ENVIRONMENT_HOOK,
      options,
      undefined,
      true,
    );
    const failure = failures[0];
    if (failure) {
      if (failure.error instanceof OpsctlError) throw failure.error;
      throw new OpsctlError({
        code: 'LOCAL_ENVIRONMENT_FAILED',
        kind: 'external',
        message: `${failure.plugin.name} could not bring the local environment up: ${failure.error.message}`,
        hint: 'Run `opsctl local up` to see its full output, or `opsctl local down` and try again.',
        cause: failure.error,
      });
    }
    // oclif types a hook's result as any: each answer is checked before it is used.
    const answers: unknown[] = successes.map((s): unknown => s.result);
    const answer = answers.find(isReady);
    if (answer === undefined) throw missingLocalPlugin(`opsctl deploy ${LOCAL_ENVIRONMENT}`);
    return answer;
  };
}
