import { isBuildTag } from './image-tags.js';
import type { RegistryManifest } from './manifests.js';
import { describeProtection, type Protection } from './protection.js';

/** What prune does with one manifest, and why. */
export interface ManifestDecision extends RegistryManifest {
  readonly action: 'keep' | 'delete';
  /** Deployed or a rollback target somewhere: kept whatever its age. */
  readonly protected: boolean;
  readonly reasons: readonly string[];
}

/**
 * Retention for one repository: keep the newest `keep` builds (manifests with a commit tag), every
 * manifest deployed or recorded as the previous release anywhere, and anything opsctl did not
 * build (no commit tag); delete the rest by digest, which removes all of its tags.
 * `manifests` must be newest first (as {@link groupByManifest} returns them).
 */
export function planRegistryPrune(
  manifests: readonly RegistryManifest[],
  keep: number,
  protections: readonly Protection[],
): ManifestDecision[] {
  let builds = 0;
  return manifests.map((manifest) => {
    const guards = protections.filter((p) => p.digest === manifest.digest);
    const reasons = [...new Set(guards.map(describeProtection))];
    if (!manifest.tags.some(isBuildTag)) {
      reasons.push('no commit tag: not built by opsctl');
      return { ...manifest, action: 'keep', protected: guards.length > 0, reasons };
    }
    builds += 1;
    if (builds <= keep) reasons.unshift(`one of the newest ${keep} builds`);
    const action = reasons.length > 0 ? 'keep' : 'delete';
    if (action === 'delete') reasons.push(`older than the newest ${keep} builds and not deployed`);
    return { ...manifest, action, protected: guards.length > 0, reasons };
  });
}
