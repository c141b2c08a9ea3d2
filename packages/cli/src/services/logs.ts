import type { CommandContext } from '../context/command-context.js';
import { logSince } from '../day-two/log-since.js';
import { maskServiceSecrets } from '../day-two/mask-service-secrets.js';
import { pickDroplets } from '../day-two/pick-droplets.js';
import { PrefixedLines } from '../day-two/prefixed-lines.js';
import { environmentHandles } from '../deploy/environment-handles.js';
import type { DropletHandle } from '../deploy/run-deploy.js';
import { containerLogStream } from '../droplet/commands/container-logs.js';
import { readActive } from '../droplet/releases/active-release.js';
import { OpsctlError } from '../errors/opsctl-error.js';

/** Lines shown per droplet when neither --since nor --tail says otherwise. */
export const DEFAULT_TAIL = 100;

export interface LogsOptions {
  readonly service?: string | undefined;
  readonly droplet?: string | undefined;
  /** A duration (`10m`) or an ISO time. */
  readonly since?: string | undefined;
  readonly tail?: number | undefined;
  readonly follow: boolean;
}

export interface LogLine {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface DropletLogs {
  readonly droplet: string;
  /** The live slot's container; undefined when nothing is deployed there. */
  readonly container: string | undefined;
  /** Filled under --json only; otherwise the lines were printed as they came. */
  readonly lines: readonly LogLine[];
}

export interface LogsResult {
  readonly environment: string;
  readonly service: string;
  readonly droplets: readonly DropletLogs[];
}

/**
 * The logs of the live slot's container on each droplet (or the one `droplet` names), every line
 * prefixed with its droplet and masked: the service's secret values are registered first. With
 * `follow`, lines stream until Ctrl-C (or SIGTERM), which stops the remote `docker logs` too.
 */
export async function logs(ctx: CommandContext, options: LogsOptions): Promise<LogsResult> {
  if (options.follow && ctx.json) {
    throw new OpsctlError({
      code: 'USAGE',
      kind: 'user',
      message: '--follow streams lines until stopped; --json prints one document at the end.',
      hint: 'Drop one of them: --json without --follow, or --follow without --json.',
    });
  }
  const since = options.since === undefined ? undefined : logSince(options.since);
  const h = await environmentHandles(ctx, options.service);
  const droplets = pickDroplets(h.droplets, options.droplet, h.environment.name);
  maskServiceSecrets(ctx, h.environment, h.service, h.configDir);
  const width = Math.max(...droplets.map((d) => d.name.length));
  // One droplet failing stops the others: a follow must not go on showing half the picture.
  const stop = new AbortController();
  const onCancel = () => {
    stop.abort();
  };
  ctx.signal.addEventListener('abort', onCancel, { once: true });
  try {
    const results = await Promise.all(
      droplets.map((d) =>
        dropletLogs(ctx, d, {
          activeFile: h.paths.activeFile,
          prefix: `${d.name.padEnd(width)} | `,
          since,
          tail: options.tail ?? (since === undefined ? DEFAULT_TAIL : undefined),
          follow: options.follow,
          signal: stop.signal,
        }).catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
    );
    return { environment: h.environment.name, service: h.service, droplets: results };
  } catch (error) {
    // Ctrl-C is how a follow ends: what was shown is the result.
    if (options.follow && ctx.signal.aborted && isCancelled(error)) {
      return { environment: h.environment.name, service: h.service, droplets: [] };
    }
    throw error;
  } finally {
    ctx.signal.removeEventListener('abort', onCancel);
  }
}

interface DropletLogsRequest {
  readonly activeFile: string;
  readonly prefix: string;
  readonly since: string | undefined;
  readonly tail: number | undefined;
  readonly follow: boolean;
  readonly signal: AbortSignal;
}

async function dropletLogs(
  ctx: CommandContext,
  droplet: DropletHandle,
  request: DropletLogsRequest,
): Promise<DropletLogs> {
  const active = await readActive(droplet.exec, request.activeFile);
  if (active === undefined) {
    ctx.logger.warn(`${droplet.name}: nothing is deployed there yet, so there are no logs.`);
    return { droplet: droplet.name, container: undefined, lines: [] };
  }
  const collected: LogLine[] = [];
  const sinkFor = (stream: LogLine['stream']) =>
    new PrefixedLines(request.prefix, ctx.redactor, (line) => {
      if (ctx.json) collected.push({ stream, text: line.slice(request.prefix.length) });
      else ctx.output.line(line);
    });
  const sinks = { stdout: sinkFor('stdout'), stderr: sinkFor('stderr') };
  try {
    await droplet.exec.run(
      containerLogStream({
        container: active.container,
        since: request.since,
        tail: request.tail,
        follow: request.follow,
      }),
      {
        signal: request.signal,
        onOutput: (stream, chunk) => {
          sinks[stream].push(chunk);
        },
      },
    );
  } finally {
    sinks.stdout.flush();
    sinks.stderr.flush();
  }
  return { droplet: droplet.name, container: active.container, lines: collected };
}

const isCancelled = (error: unknown): boolean =>
  error instanceof OpsctlError && error.kind === 'cancelled';
