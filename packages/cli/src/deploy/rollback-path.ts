import type { WarmSlot } from '../droplet/releases/warm-slot.js';

/** What one droplet holds for a warm rollback, as read under the lock. */
export interface WarmProbe {
  readonly droplet: string;
  readonly warm: WarmSlot | undefined;
  /** `slotState` of the warm container (`running healthy <sha>`), when it was probed. */
  readonly state: string | undefined;
  /** Status of GET <healthPath> on the warm slot's own port, when it was probed. */
  readonly healthStatus: string | undefined;
}

export type RollbackPath =
  | {
      readonly path: 'warm';
      readonly reason: string;
      readonly slots: ReadonlyMap<string, WarmSlot>;
    }
  | { readonly path: 'cold'; readonly reason: string };

/** Whether a kept slot's window (read from warm.json) is over at `now`. */
export const warmExpired = (warm: Pick<WarmSlot, 'until'>, now: Date): boolean =>
  Date.parse(warm.until) <= now.getTime();

/**
 * A kept slot this close to its end is not switched to: the droplet stops it at `until`, and a
 * switch (about a second) must be over well before.
 */
export const EXPIRY_MARGIN_MS = 10_000;

/** Whether a kept slot can still be switched to at `now`. */
export const warmUsable = (warm: Pick<WarmSlot, 'until'>, now: Date): boolean =>
  !warmExpired(warm, new Date(now.getTime() + EXPIRY_MARGIN_MS));

/** Why one droplet's warm slot cannot serve `sha` now, or undefined when it can. */
function refusal(p: WarmProbe, target: Target, now: Date): string | undefined {
  const w = p.warm;
  if (w === undefined) return `${p.droplet} keeps no warm slot`;
  if (w.sha !== target.sha)
    return `the warm slot on ${p.droplet} holds ${w.sha}, not ${target.sha}`;
  if (w.digest !== target.digest)
    return `the warm slot on ${p.droplet} runs ${w.digest}, not the recorded ${target.digest}`;
  if (warmExpired(w, now)) return `the warm slot on ${p.droplet} expired at ${w.until}`;
  if (!warmUsable(w, now))
    return `the warm slot on ${p.droplet} expires at ${w.until}, too soon to switch to`;
  const [status = 'missing', health = 'none', label = ''] = (p.state ?? 'missing').split(' ');
  if (status !== 'running') return `the warm slot on ${p.droplet} is ${status}`;
  if (health !== 'healthy' && health !== 'none')
    return `the warm slot on ${p.droplet} is ${health}`;
  if (label !== w.sha)
    return `the warm slot's container on ${p.droplet} runs ${label || 'another release'}, not ${w.sha}`;
  if (p.healthStatus !== '200')
    return `the warm slot on ${p.droplet} answered its health check with ${p.healthStatus === '000' || p.healthStatus === undefined ? 'nothing' : p.healthStatus}`;
  return undefined;
}

/**
 * A rollback is a switch (warm) only when every droplet still runs the target release, healthy,
 * in its kept slot within the window; otherwise every droplet takes the cold path (start the
 * release again), so the environment never mixes the two and the reason names the droplet.
 */
interface Target {
  readonly sha: string;
  readonly digest: string;
}

export function chooseRollbackPath(input: {
  readonly windowMs: number;
  readonly target: Target;
  readonly now: Date;
  readonly probes: readonly WarmProbe[];
}): RollbackPath {
  if (input.windowMs === 0) return { path: 'cold', reason: 'deploy.warmWindow is 0 (off)' };
  const refused = input.probes.map((p) => refusal(p, input.target, input.now)).filter(Boolean);
  if (refused.length > 0) return { path: 'cold', reason: refused.join('; ') };
  const slots = new Map(input.probes.map((p) => [p.droplet, p.warm as WarmSlot]));
  return {
    path: 'warm',
    reason: `${input.target.sha} is still running out of rotation on every droplet`,
    slots,
  };
}
