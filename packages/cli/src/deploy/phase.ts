import type { HostRun } from './host-context.js';
import type { Phase } from './deploy-events.js';

/** Runs one phase of a droplet's switch, reporting when it starts and how it ends. */
export async function inPhase<T>(run: HostRun, phase: Phase, work: () => Promise<T>): Promise<T> {
  run.report({ type: 'phase', phase, status: 'running' });
  try {
    const result = await work();
    run.report({ type: 'phase', phase, status: 'done' });
    return result;
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    run.report({ type: 'phase', phase, status: 'failed', detail });
    throw error;
  }
}

/** A phase with nothing to do on this droplet (no old slot to drain). */
export function skipPhase(run: HostRun, phase: Phase, detail: string): void {
  run.report({ type: 'phase', phase, status: 'skipped', detail });
}

/** A line of what is happening inside the current phase. */
export function note(run: HostRun, message: string): void {
  run.report({ type: 'note', message });
}
