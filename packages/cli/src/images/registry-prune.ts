import { isOpsctlError } from '../errors/opsctl-error.js';
import { registryFailure } from './errors.js';
import { groupByManifest } from './manifests.js';
import type { Protection } from './protection.js';
import { planRegistryPrune, type ManifestDecision } from './registry-prune-plan.js';
import type { ServiceRepository } from './repository-images.js';

/** What prune decided, and did, in one repository. */
export interface RegistryPruneReport {
  readonly service: string;
  readonly repository: string;
  readonly manifests: readonly ManifestDecision[];
  /** Deletes that failed; empty when all went well. */
  readonly errors: readonly string[];
}

export async function planRepository(
  target: ServiceRepository,
  keep: number,
  protections: readonly Protection[],
  server: string,
): Promise<ManifestDecision[]> {
  let images;
  try {
    images = await target.images.list();
  } catch (error) {
    throw registryFailure(error, server);
  }
  return planRegistryPrune(groupByManifest(images), keep, protections);
}

/**
 * Deletes the manifests marked for deletion, by digest. Stops at the first refusal because the
 * registry went read-only (garbage collection): every further delete would fail the same way.
 */
export async function applyRepository(
  target: ServiceRepository,
  decisions: readonly ManifestDecision[],
  server: string,
): Promise<RegistryPruneReport> {
  const errors: string[] = [];
  for (const manifest of decisions.filter((m) => m.action === 'delete')) {
    try {
      await target.images.deleteManifest(manifest.digest);
    } catch (error) {
      const failure = registryFailure(error, server);
      errors.push(
        `${manifest.digest}: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
      if (isOpsctlError(failure) && failure.code === 'REGISTRY_READ_ONLY') break;
    }
  }
  return { service: target.service, repository: target.name, manifests: decisions, errors };
}
