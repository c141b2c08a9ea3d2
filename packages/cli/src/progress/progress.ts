import { Listr, ListrLogger, ProcessOutput, type ListrTask } from 'listr2';
import type { Redactor } from '../secrets/redactor.js';
import type { ProgressRenderer } from './choose-renderer.js';
import { redactingStream, type TerminalLike } from './redacting-stream.js';

/** Options for one task list. */
export interface TaskListOptions<Ctx> {
  /** Run tasks in parallel: true for all at once, a number to cap it. Default: one by one. */
  readonly concurrent?: boolean | number;
  /** Stop at the first failing task (default true). */
  readonly exitOnError?: boolean;
  /** The shared listr context object passed to every task. */
  readonly ctx?: Ctx;
}

/**
 * Progress display for a command: listr2 task lists drawn on stderr, secrets masked, renderer
 * chosen once per run (see {@link chooseRenderer}).
 *
 * @example
 *   await ctx.progress.tasks([
 *     { title: 'Pull image on droplet-1', task: () => executor.run(pull) },
 *   ]).run();
 */
export interface Progress {
  readonly renderer: ProgressRenderer;
  tasks<Ctx extends object = object>(
    tasks: ListrTask<Ctx>[],
    options?: TaskListOptions<Ctx>,
  ): Listr<Ctx>;
}

export interface ProgressOptions {
  readonly renderer: ProgressRenderer;
  readonly stderr: TerminalLike;
  readonly redactor: Redactor;
}

export function createProgress(options: ProgressOptions): Progress {
  // listr2 writes "stdout" output of its renderers to this stream too: progress never goes to stdout.
  const stream = redactingStream(options.stderr, options.redactor) as unknown as NodeJS.WriteStream;
  return {
    renderer: options.renderer,
    tasks<Ctx extends object>(tasks: ListrTask<Ctx>[], list: TaskListOptions<Ctx> = {}) {
      const logger = new ListrLogger({ processOutput: new ProcessOutput(stream, stream) });
      return new Listr<Ctx>(tasks, {
        renderer: options.renderer,
        fallbackRenderer: options.renderer === 'silent' ? 'silent' : 'simple',
        rendererOptions: { logger },
        fallbackRendererOptions: { logger },
        registerSignalListeners: false,
        concurrent: list.concurrent ?? false,
        exitOnError: list.exitOnError ?? true,
        ...(list.ctx === undefined ? {} : { ctx: list.ctx }),
      } as ConstructorParameters<typeof Listr<Ctx>>[1]);
    },
  };
}
