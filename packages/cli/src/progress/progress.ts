import { Listr, ListrLogger, ProcessOutput, type ListrTask } from 'listr2';
import type { Redactor } from '../secrets/redactor.js';
import type { ProgressRenderer } from './choose-renderer.js';
import { dropletProgress, type DropletProgress } from './droplet-progress.js';
import type { Palette } from './palette.js';
import { redactingStream, type TerminalLike } from './redacting-stream.js';
import { StderrTreeRenderer } from './stderr-tree-renderer.js';

/** Options for one task list. */
export interface TaskListOptions<Ctx> {
  /** Run tasks in parallel: true for all at once, a number to cap it. Default: one by one. */
  readonly concurrent?: boolean | number;
  /** Stop at the first failing task (default true). */
  readonly exitOnError?: boolean;
  /** The shared listr context object passed to every task. */
  readonly ctx?: Ctx;
  /** Keep finished subtasks (and their titles) on screen instead of folding them away. */
  readonly keepSubtasks?: boolean;
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
  /** Progress of a deploy or rollback: a tree per droplet, or timestamped lines (see {@link dropletProgress}). */
  droplets(names: readonly string[]): DropletProgress;
}

export interface ProgressOptions {
  readonly renderer: ProgressRenderer;
  readonly stderr: TerminalLike;
  readonly redactor: Redactor;
  /** Status colours, at the run's colour level (NO_COLOR, FORCE_COLOR). */
  readonly palette: Palette;
}

export function createProgress(options: ProgressOptions): Progress {
  // listr2 writes "stdout" output of its renderers to this stream too: progress never goes to stdout.
  const stream = redactingStream(options.stderr, options.redactor) as unknown as NodeJS.WriteStream;
  const { palette } = options;
  // listr2's own icons take the run's palette too, so NO_COLOR and FORCE_COLOR hold for them.
  const color = {
    COMPLETED: palette.done,
    FAILED: palette.failed,
    SKIPPED_WITH_COLLAPSE: palette.skipped,
    SKIPPED_WITHOUT_COLLAPSE: palette.skipped,
    PENDING: palette.running,
    WAITING: palette.dim,
  };
  const tasks = <Ctx extends object>(
    list: ListrTask<Ctx>[],
    opts: TaskListOptions<Ctx> = {},
  ): Listr<Ctx> => {
    const logger = new ListrLogger({ processOutput: new ProcessOutput(stream, stream) });
    return new Listr<Ctx>(list, {
      renderer: options.renderer === 'default' ? StderrTreeRenderer : options.renderer,
      fallbackRenderer: options.renderer === 'silent' ? 'silent' : 'simple',
      rendererOptions: {
        logger,
        color,
        ...(opts.keepSubtasks === true ? { collapseSubtasks: false, collapseSkips: true } : {}),
      },
      fallbackRendererOptions: { logger },
      registerSignalListeners: false,
      concurrent: opts.concurrent ?? false,
      exitOnError: opts.exitOnError ?? true,
      ...(opts.ctx === undefined ? {} : { ctx: opts.ctx }),
      // listr2 types its options by a renderer fixed at compile time; here it is chosen per run.
    } as unknown as ConstructorParameters<typeof Listr<Ctx>>[1]);
  };
  return {
    renderer: options.renderer,
    tasks,
    droplets: (names) =>
      dropletProgress(names, {
        renderer: options.renderer,
        palette,
        write: (text) => stream.write(text),
        runTree: (tree) =>
          tasks(tree, { concurrent: true, exitOnError: false, keepSubtasks: true }).run(),
      }),
  };
}
