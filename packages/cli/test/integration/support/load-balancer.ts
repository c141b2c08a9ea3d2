import { backendStates, localLayout } from '@opsctl/testbed';
import { setTimeout as sleep } from 'node:timers/promises';

export const LB_URL = 'http://127.0.0.1:8080';

/** Waits until HAProxy reports every droplet UP (after a first deploy, or a restart). */
export async function waitForAllUp(droplets = 2, timeoutMs = 60_000): Promise<void> {
  const layout = localLayout(droplets);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states: Record<string, string> = await backendStates(layout.loadBalancerStatsPort).catch(
      () => ({}),
    );
    if (layout.droplets.every((d) => states[d.name] === 'UP')) return;
    if (Date.now() > deadline)
      throw new Error(`droplets not all UP in HAProxy: ${JSON.stringify(states)}`);
    await sleep(250);
  }
}

/** The SHA a /version answer reports, shortened like image tags. */
export const versionOf = (body: string): string =>
  (JSON.parse(body) as { sha: string }).sha.slice(0, 12);
