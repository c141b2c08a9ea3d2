import { localLayout, waitForAllDropletsUp } from '@opsctl/testbed';

export const LB_URL = 'http://127.0.0.1:8080';

/** Waits until HAProxy reports every droplet UP (after a first deploy, or a restart). */
export async function waitForAllUp(droplets = 2, timeoutMs = 60_000): Promise<void> {
  const layout = localLayout(droplets);
  await waitForAllDropletsUp(
    layout.loadBalancerStatsPort,
    layout.droplets.map((d) => d.name),
    timeoutMs,
  );
}

/** The SHA a /version answer reports, shortened like image tags. */
export const versionOf = (body: string): string =>
  (JSON.parse(body) as { sha: string }).sha.slice(0, 12);
