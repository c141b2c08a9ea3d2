import type { DropletState } from './deployment-scan.js';
import {
  listContainers,
  listRepositoryImages,
  removeImage,
  removeStoppedContainer,
} from './droplet-commands.js';
import { parseContainers, parseImages } from './droplet-inventory.js';
import {
  planDropletPrune,
  type ContainerDecision,
  type DropletPrunePlan,
  type ImageDecision,
} from './droplet-prune-plan.js';

/** What prune decided, and did, on one droplet for one service. */
export interface DropletPruneReport {
  readonly environment: string;
  readonly droplet: string;
  readonly service: string;
  readonly containers: readonly ContainerDecision[];
  readonly images: readonly ImageDecision[];
  /** Removals that failed (Docker's reason); empty when all went well. */
  readonly errors: readonly string[];
}

export interface PlannedDroplet {
  readonly state: DropletState;
  readonly service: string;
  readonly plan: DropletPrunePlan;
}

/** Reads the droplet's images of `repository` and all its containers, and plans retention. */
export async function planDroplet(
  state: DropletState,
  input: { readonly repository: string; readonly service: string; readonly keep: number },
): Promise<PlannedDroplet> {
  const { exec } = state.droplet;
  const [images, containers] = await Promise.all([
    exec.run(listRepositoryImages(input.repository)),
    exec.run(listContainers()),
  ]);
  const plan = planDropletPrune({
    ...input,
    images: parseImages(images.stdout),
    containers: parseContainers(containers.stdout),
    releases: state.releases,
  });
  return { state, service: input.service, plan };
}

/**
 * Removes what the plan says, containers first (an image in use cannot go). A failed removal is
 * recorded and the rest continues; Docker refuses anything still running or in use.
 */
export async function applyDroplet(planned: PlannedDroplet): Promise<DropletPruneReport> {
  const { exec, environment, name } = planned.state.droplet;
  const errors: string[] = [];
  const attempt = async (run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  };
  for (const c of planned.plan.containers.filter((c) => c.action === 'remove'))
    await attempt(() => exec.run(removeStoppedContainer(c.id, c.name)));
  for (const i of planned.plan.images.filter((i) => i.action === 'remove'))
    await attempt(() => exec.run(removeImage(i.id, i.digests[0] ?? i.id)));
  return {
    environment,
    droplet: name,
    service: planned.service,
    containers: planned.plan.containers,
    images: planned.plan.images,
    errors,
  };
}
