import { randomBytes } from 'node:crypto';
import type { CommandContext } from '../context/command-context.js';
import { firstByName, pickDroplets } from '../day-two/pick-droplets.js';
import { maskServiceSecrets } from '../day-two/mask-service-secrets.js';
import { PrefixedLines } from '../day-two/prefixed-lines.js';
import { readEnvHeader } from '../deploy/commands/env-files.js';
import { removeContainer } from '../deploy/commands/docker.js';
import { environmentHandles } from '../deploy/environment-handles.js';
import { runOneOff } from '../droplet/commands/one-off-container.js';
import { readActive } from '../droplet/releases/active-release.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import type { Terminal } from '../exec/executor.js';
import { parseEnvMeta } from '../secrets/droplets/env-store.js';

export interface ExecOptions {
  readonly service?: string | undefined;
  /** Default: the environment's first droplet by name. */
  readonly droplet?: string | undefined;
  /** The command and its arguments, each one argv word. */
  readonly argv: readonly string[];
  /** Attach this terminal (interactive: a shell, a REPL); undefined to collect or stream output. */
  readonly terminal?: Terminal | undefined;
}

export interface ExecResult {
  readonly droplet: string;
  readonly image: string;
  readonly sha: string;
  readonly container: string;
  readonly exitCode: number;
  /** Under --json only (masked); otherwise the output was printed as it came. */
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command in a one-off container of the release serving on a droplet: its image (by
 * digest) and the service's env file, as a slot gets them; removed when it exits. The command's
 * exit code is the result's: the command makes it opsctl's.
 */
export async function execOneOff(ctx: CommandContext, options: ExecOptions): Promise<ExecResult> {
  if (options.argv.length === 0) {
    throw new OpsctlError({
      code: 'USAGE',
      kind: 'user',
      message: 'No command to run: put it after `--`.',
      hint: 'For example: opsctl exec staging -- node -e "console.log(process.version)"',
    });
  }
  if (options.terminal !== undefined && ctx.json) {
    throw new OpsctlError({
      code: 'USAGE',
      kind: 'user',
      message: '--tty hands the terminal to the command; --json prints one document at the end.',
      hint: 'Drop one of them.',
    });
  }
  const h = await environmentHandles(ctx, options.service);
  const picked =
    options.droplet === undefined
      ? firstByName(h.droplets)
      : pickDroplets(h.droplets, options.droplet, h.environment.name);
  const droplet = picked[0];
  if (droplet === undefined) {
    throw new OpsctlError({
      code: 'NO_DROPLETS',
      kind: 'user',
      message: `Environment ${h.environment.name} has no droplets.`,
      hint: 'Check its droplets in opsctl.yaml.',
    });
  }
  maskServiceSecrets(ctx, h.environment, h.service, h.configDir);
  const active = await readActive(droplet.exec, h.paths.activeFile);
  if (active === undefined) {
    throw new OpsctlError({
      code: 'NOTHING_DEPLOYED',
      kind: 'user',
      message: `Nothing of ${h.service} is deployed on ${droplet.name} (environment ${h.environment.name}).`,
      hint: `Deploy first (opsctl deploy ${h.environment.name}), or pick another droplet with --droplet.`,
    });
  }
  const header = await droplet.exec.run(readEnvHeader(h.paths.envFile));
  const container = `opsctl-${h.service}-exec-${randomBytes(4).toString('hex')}`;
  const run = runOneOff({
    container,
    service: h.service,
    image: active.image,
    envFile: h.paths.envFile,
    envNames: [...(parseEnvMeta(header.stdout).names ?? [])],
    tty: options.terminal !== undefined,
    argv: options.argv,
  });
  ctx.logger.debug(`${droplet.name}: running in ${container} from ${active.image}`);
  const collected = { stdout: [] as string[], stderr: [] as string[] };
  // Streamed, the output is masked line by line as it comes (stdout to stdout, stderr to stderr).
  const lines = {
    stdout: new PrefixedLines('', ctx.redactor, (line) => {
      if (ctx.json) collected.stdout.push(line);
      else ctx.output.line(line);
    }),
    stderr: new PrefixedLines('', ctx.redactor, (line) => {
      if (ctx.json) collected.stderr.push(line);
      else ctx.logger.info(line);
    }),
  };
  try {
    const result = await droplet.exec.run(run, {
      allowFailure: true,
      signal: ctx.signal,
      ...(options.terminal === undefined
        ? {
            onOutput: (stream: 'stdout' | 'stderr', chunk: string) => {
              lines[stream].push(chunk);
            },
          }
        : { terminal: options.terminal }),
    });
    lines.stdout.flush();
    lines.stderr.flush();
    return {
      droplet: droplet.name,
      image: active.image,
      sha: active.sha,
      container,
      exitCode: result.exitCode,
      stdout: collected.stdout.join('\n'),
      stderr: collected.stderr.join('\n'),
    };
  } catch (error) {
    // Stopping the docker client leaves its container running: remove it by its name.
    if (ctx.signal.aborted) {
      await droplet.exec.run(removeContainer(container), { allowFailure: true });
    }
    throw error;
  }
}
