import type { DeployEvent } from '../deploy/deploy-events.js';
import type { ProgressRenderer } from './choose-renderer.js';
import { dropletTree } from './droplet-tree.js';
import type { Palette } from './palette.js';
import { plainReporter } from './plain-lines.js';

/** Shows a deploy's per-droplet events while it runs; {@link close} once the run has ended. */
export interface DropletProgress {
  report(event: DeployEvent): void;
  close(): Promise<void>;
}

export interface DropletProgressOptions {
  readonly renderer: ProgressRenderer;
  readonly palette: Palette;
  /** Writes redacted text on stderr. */
  readonly write: (text: string) => void;
  /** Runs a concurrent listr2 task list that keeps finished subtasks on screen. */
  readonly runTree: (tasks: ReturnType<typeof dropletTree>['tasks']) => Promise<unknown>;
}

/**
 * The renderer for one deploy: nothing under --json, timestamped lines when not a terminal or in
 * CI, a task tree per droplet otherwise. What the tree has no place for (the phases of an
 * automatic rollback, after the droplet's own ended) is written as lines below it.
 */
export function dropletProgress(
  droplets: readonly string[],
  options: DropletProgressOptions,
): DropletProgress {
  if (options.renderer === 'silent')
    return { report: () => undefined, close: () => Promise.resolve() };
  const plain = plainReporter(options.write, options.palette);
  if (options.renderer === 'simple') return { report: plain, close: () => Promise.resolve() };

  const tree = dropletTree(droplets, options.palette.dim);
  const after: DeployEvent[] = [];
  // A failed phase fails its droplet's task; the deploy's own error says why, so it is not rethrown.
  const drawn = options.runTree(tree.tasks).catch(() => undefined);
  return {
    report: (event) => {
      if (!tree.accept(event)) after.push(event);
    },
    close: async () => {
      tree.finish();
      await drawn;
      for (const event of after) plain(event);
    },
  };
}
