import type { DeployEvent } from '../deploy/deploy-events.js';
import { formatDuration } from './duration.js';
import type { Palette } from './palette.js';

/**
 * One line of a droplet's progress for logs and CI: `<ISO time> droplet-1: pull done (2.1s)`.
 * `elapsedMs` is the phase's time so far (undefined when it never started).
 */
export function plainLine(event: DeployEvent, palette: Palette, elapsedMs?: number): string {
  const time = palette.dim(new Date(event.at).toISOString());
  return `${time} ${event.droplet}: ${eventText(event, palette, elapsedMs)}`;
}

function eventText(event: DeployEvent, palette: Palette, elapsedMs: number | undefined): string {
  if (event.type === 'note') return event.message;
  const took = elapsedMs === undefined ? '' : formatDuration(elapsedMs);
  const detail = event.detail === undefined || event.detail === '' ? '' : `: ${event.detail}`;
  switch (event.status) {
    case 'running':
      return `${event.phase} ${palette.running('started')}`;
    case 'done':
      return `${event.phase} ${palette.done('done')}${took === '' ? '' : ` (${took})`}`;
    case 'skipped':
      return `${event.phase} ${palette.skipped('skipped')}${detail}`;
    case 'failed':
      return `${event.phase} ${palette.failed('failed')}${took === '' ? '' : ` after ${took}`}${detail}`;
  }
}

/** Writes each event as a plain line, timing every phase from its start. */
export function plainReporter(
  write: (line: string) => void,
  palette: Palette,
): (event: DeployEvent) => void {
  const started = new Map<string, number>();
  return (event) => {
    let elapsed: number | undefined;
    if (event.type === 'phase') {
      const key = `${event.droplet}\u0000${event.phase}`;
      if (event.status === 'running') started.set(key, event.at);
      const from = started.get(key);
      elapsed = from === undefined || event.status === 'running' ? undefined : event.at - from;
    }
    write(`${plainLine(event, palette, elapsed)}\n`);
  };
}
