import type { WarmStatus } from './droplet-status.js';

/** The WARM cell of `opsctl status`: what a rollback would switch to, until when, at what memory. */
export function describeWarm(warm: WarmStatus | undefined): string {
  if (warm === undefined) return '-';
  const memory = warm.memory === undefined ? 'not running' : warm.memory.split(' / ')[0];
  return warm.expired
    ? `${warm.sha} expired ${warm.until} (${memory}; stopped by the next deploy, rollback or prune)`
    : `${warm.sha} (${warm.slot}) until ${warm.until}, ${memory}`;
}
