import { dirname } from 'node:path';
import { configError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { withRegistryEndpoints } from '../config/registry-endpoint.js';
import { settingLookup } from '../images/settings-lookup.js';
import { selectEnvironment } from '../config/select-environment.js';
import type { LoadedConfig } from '../config/types.js';
import { createExecutorFactory, type ExecutorFactoryOptions } from '../exec/executor-factory.js';
import { createLogger } from '../output/logger.js';
import { createOutput } from '../output/output.js';
import type { TextSink } from '../output/text-sink.js';
import { chooseRenderer, isCi } from '../progress/choose-renderer.js';
import { colorLevel } from '../progress/color-level.js';
import { createPalette } from '../progress/palette.js';
import { createProgress } from '../progress/progress.js';
import type { TerminalLike } from '../progress/redacting-stream.js';
import { Redactor } from '../secrets/redactor.js';
import type { CommandContext } from './command-context.js';

export interface CommandContextOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: TextSink;
  readonly stderr: TerminalLike;
  readonly json?: boolean;
  readonly verbose?: boolean;
  readonly dryRun?: boolean;
  /** --config / OPSCTL_CONFIG; otherwise opsctl.yaml is searched from `cwd` upwards. */
  readonly configPath?: string | undefined;
  /** The command's environment argument, if it has one and it was given. */
  readonly environmentArgument?: string | undefined;
  readonly signal?: AbortSignal;
  /** Reuse a redactor (the base command creates it first so early errors are masked too). */
  readonly redactor?: Redactor;
  /** Replace the real executors (tests pass recording executors). */
  readonly executors?: Pick<ExecutorFactoryOptions, 'createHostExecutor' | 'createLocalExecutor'>;
}

/** Build a {@link CommandContext}. Does no I/O: config is read on first use. */
export function createCommandContext(options: CommandContextOptions): CommandContext {
  const json = options.json ?? false;
  const verbose = options.verbose ?? false;
  const dryRun = options.dryRun ?? false;
  const redactor = options.redactor ?? new Redactor();
  const logger = createLogger({ stderr: options.stderr, redactor, verbose, json });
  let loading: Promise<LoadedConfig> | undefined;
  const config = (): Promise<LoadedConfig> => {
    loading ??= loadConfig({ cwd: options.cwd, path: options.configPath }).then((result) => {
      if (!result.ok) throw configError(result.path, result.problems);
      logger.debug(`configuration: ${result.loaded.path}`);
      const configDir = dirname(result.loaded.path);
      // Endpoints are settings (environment, then .env.<environment>), like DIGITALOCEAN_API_URL.
      const config = withRegistryEndpoints(result.loaded.config, (environment, name) =>
        settingLookup(options.env, configDir, environment)(name),
      );
      return { ...result.loaded, config };
    });
    return loading;
  };
  return {
    cwd: options.cwd,
    env: options.env,
    json,
    verbose,
    dryRun,
    signal: options.signal ?? new AbortController().signal,
    logger,
    redactor,
    output: createOutput({ stdout: options.stdout, redactor, json }),
    progress: createProgress({
      renderer: chooseRenderer({
        json,
        stderrIsTTY: options.stderr.isTTY === true,
        ci: isCi(options.env),
        verbose,
      }),
      stderr: options.stderr,
      redactor,
      palette: createPalette(colorLevel(options.env, options.stderr.isTTY === true)),
    }),
    executors: createExecutorFactory({
      dryRun,
      redactor,
      cwd: options.cwd,
      onCommand: (line) => {
        logger.debug(`run ${line}`);
      },
      ...options.executors,
    }),
    config,
    reloadConfig: () => {
      loading = undefined;
    },
    environment: async () => {
      const { config: loaded } = await config();
      return selectEnvironment(loaded, options.environmentArgument, options.env.OPSCTL_ENV);
    },
  };
}
