import { readActive } from '../droplet/releases/active-release.js';
import { readWarm, type WarmSlot } from '../droplet/releases/warm-slot.js';
import type { RemotePaths } from '../droplet/remote-paths.js';
import type { Executor } from '../exec/executor.js';
import { httpStatus } from './commands/http.js';
import { slotState } from './commands/docker.js';
import type { HostRun, ReleaseTarget } from './host-context.js';
import { pointNginxAt, type HostSwitchResult } from './host-switch.js';
import { warmUsable, type WarmProbe } from './rollback-path.js';
import { slotPort, type SlotPorts } from './slots.js';
import { note, skipPhase } from './phase.js';

/**
 * Reads one droplet's warm slot and, when it could serve `sha` now, probes it: container state,
 * Docker health and release label, and a GET of the health path on the slot's own port.
 */
export async function probeWarm(
  droplet: string,
  exec: Executor,
  input: {
    readonly paths: Pick<RemotePaths, 'warmFile'>;
    readonly slots: SlotPorts;
    readonly healthPath: string;
    readonly sha: string;
    readonly now: Date;
  },
): Promise<WarmProbe> {
  const warm = await readWarm(exec, input.paths.warmFile);
  if (warm === undefined || warm.sha !== input.sha || !warmUsable(warm, input.now))
    return { droplet, warm, state: undefined, healthStatus: undefined };
  const [state, health] = await Promise.all([
    exec.run(slotState(warm.container)),
    exec.run(httpStatus(slotPort(input.slots, warm.slot), input.healthPath), {
      allowFailure: true,
    }),
  ]);
  return { droplet, warm, state: state.stdout.trim(), healthStatus: health.stdout.trim() };
}

/** A warm rollback on one droplet: nginx back to the kept slot; nothing is pulled or started. */
export async function switchToWarm(
  run: HostRun,
  target: ReleaseTarget,
  warm: WarmSlot,
): Promise<HostSwitchResult> {
  const previous = await readActive(run.exec, run.settings.paths.activeFile);
  // Nothing is pulled, started or waited for: the kept slot has run healthy all along.
  for (const phase of ['pull', 'start', 'healthy'] as const) skipPhase(run, phase, 'warm slot');
  note(run, `switching back to the warm ${warm.slot} slot`);
  return pointNginxAt(run, target, {
    previous,
    slot: warm.slot,
    container: warm.container,
    port: slotPort(run.settings.slots, warm.slot),
  });
}
