import type { ListrTask } from 'listr2';
import { PHASES, type DeployEvent, type Phase } from '../deploy/deploy-events.js';
import { formatDuration } from './duration.js';

/** How a phase ended, with its own time (from its start event, not from when the tree got to it). */
interface PhaseEnd {
  readonly status: 'done' | 'skipped' | 'failed';
  readonly ms: number;
  readonly detail: string | undefined;
}

interface PhaseSlot {
  started: number | undefined;
  ended: boolean;
  readonly end: Promise<PhaseEnd>;
  readonly settle: (end: PhaseEnd) => void;
}

/** The tasks of a droplet tree and the handle that feeds them events. */
export interface DropletTree {
  /** One task per droplet, each with a subtask per phase, for a concurrent task list. */
  readonly tasks: ListrTask[];
  /** Moves the tree on; returns false for an event the tree has no place for any more. */
  accept(event: DeployEvent): boolean;
  /** Every phase not reached yet ends as skipped, so the list can finish. */
  finish(): void;
}

/**
 * A listr2 task per droplet with a subtask per phase (pull, start, healthy, switch, drain), each
 * waiting for its phase's end event and then titled with its time. Notes show under the subtask
 * that is current. Events for a phase that already ended (an automatic rollback's second switch)
 * are refused so the caller can print them after the tree.
 */
export function dropletTree(
  droplets: readonly string[],
  dim: (text: string) => string,
): DropletTree {
  const slots = new Map<string, PhaseSlot>();
  const current = new Map<string, (text: string) => void>();
  // A note that came before the tree reached its droplet's subtask, shown when it does.
  const pending = new Map<string, string>();
  const key = (droplet: string, phase: Phase): string => `${droplet}\u0000${phase}`;
  for (const droplet of droplets)
    for (const phase of PHASES) {
      let settle: (end: PhaseEnd) => void = () => undefined;
      const end = new Promise<PhaseEnd>((resolve) => {
        settle = resolve;
      });
      slots.set(key(droplet, phase), { started: undefined, ended: false, end, settle });
    }

  const phaseTask = (droplet: string, phase: Phase): ListrTask => ({
    title: phase,
    task: async (_ctx, task) => {
      current.set(droplet, (text) => {
        task.output = text;
      });
      const waiting = pending.get(droplet);
      if (waiting !== undefined) task.output = waiting;
      const slot = slots.get(key(droplet, phase));
      if (slot === undefined) return;
      const end = await slot.end;
      const took = formatDuration(end.ms);
      if (end.status === 'done') task.title = `${phase} ${dim(took)}`;
      else if (end.status === 'skipped') task.skip(`${phase} skipped: ${end.detail ?? ''}`);
      else throw new Error(`${phase} failed after ${took}: ${end.detail ?? ''}`);
    },
  });

  return {
    tasks: droplets.map((droplet) => ({
      title: droplet,
      task: (_ctx, task) =>
        task.newListr(
          PHASES.map((phase) => phaseTask(droplet, phase)),
          { concurrent: false, exitOnError: true, rendererOptions: { collapseSubtasks: false } },
        ),
    })),
    accept(event) {
      if (event.type === 'note') {
        const over = PHASES.every((phase) => slots.get(key(event.droplet, phase))?.ended !== false);
        if (over) return false;
        pending.set(event.droplet, event.message);
        current.get(event.droplet)?.(event.message);
        return true;
      }
      const slot = slots.get(key(event.droplet, event.phase));
      if (slot === undefined || slot.ended) return false;
      if (event.status === 'running') {
        slot.started = event.at;
        return true;
      }
      slot.ended = true;
      slot.settle({
        status: event.status,
        ms: slot.started === undefined ? 0 : event.at - slot.started,
        detail: event.detail,
      });
      return true;
    },
    finish() {
      for (const slot of slots.values()) {
        if (slot.ended) continue;
        slot.ended = true;
        slot.settle({ status: 'skipped', ms: 0, detail: 'not reached' });
      }
    },
  };
}
