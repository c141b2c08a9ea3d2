import { digestsOf, type DropletContainer, type DropletImage } from './droplet-inventory.js';

/** The releases a droplet must keep the images of (from active.json and releases.jsonl). */
export interface DropletReleases {
  readonly active: { readonly sha: string; readonly digest: string } | undefined;
  readonly previous: { readonly sha: string; readonly digest: string } | undefined;
}

export interface DropletPruneInput {
  /** `host[:port]/path` of the service's repository. */
  readonly repository: string;
  readonly service: string;
  readonly keep: number;
  /** Images of the repository. */
  readonly images: readonly DropletImage[];
  /** Every container on the droplet. */
  readonly containers: readonly DropletContainer[];
  readonly releases: DropletReleases;
}

export interface ImageDecision {
  readonly id: string;
  readonly digests: readonly string[];
  readonly created: string;
  readonly size: number;
  readonly action: 'keep' | 'remove';
  readonly protected: boolean;
  readonly reasons: readonly string[];
}

export interface ContainerDecision {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly created: string;
  readonly action: 'keep' | 'remove';
  readonly reasons: readonly string[];
}

export interface DropletPrunePlan {
  readonly containers: readonly ContainerDecision[];
  readonly images: readonly ImageDecision[];
}

const STOPPED = new Set(['exited', 'dead']);
const byCreatedDesc = (a: { created: string }, b: { created: string }): number =>
  Date.parse(b.created) - Date.parse(a.created);

/**
 * Retention on one droplet for one service. Containers: only stopped ones (exited or dead) are
 * candidates; the newest `keep` of them stay, and so does any of the active or previous release.
 * Images: the newest `keep` stay, and so does any image of the active or previous release, any
 * image a remaining container uses (of any service), and any also referenced outside the
 * repository; the rest go. Docker itself refuses to remove running containers or used images.
 */
export function planDropletPrune(input: DropletPruneInput): DropletPrunePlan {
  const { keep, releases } = input;
  const releaseOf = (image: DropletImage): string[] => {
    const digests = digestsOf(image);
    const reasons: string[] = [];
    if (releases.active && digests.includes(releases.active.digest))
      reasons.push(`active release ${releases.active.sha}`);
    if (releases.previous && digests.includes(releases.previous.digest))
      reasons.push(`previous release ${releases.previous.sha} (rollback target)`);
    return reasons;
  };
  const releaseImageIds = new Set(
    input.images.filter((i) => releaseOf(i).length > 0).map((i) => i.id),
  );

  let stoppedRank = 0;
  const containers: ContainerDecision[] = input.containers
    .filter((c) => c.service === input.service)
    .sort(byCreatedDesc)
    .map((c) => {
      const base = { id: c.id, name: c.name, state: c.state, created: c.created };
      if (!STOPPED.has(c.state))
        return { ...base, action: 'keep', reasons: [`${c.state}, not stopped`] };
      stoppedRank += 1;
      const reasons: string[] = [];
      if (releaseImageIds.has(c.image)) reasons.push('runs the active or previous release');
      if (stoppedRank <= keep) reasons.push(`one of the newest ${keep} stopped containers`);
      if (reasons.length > 0) return { ...base, action: 'keep', reasons };
      return { ...base, action: 'remove', reasons: [`stopped, older than the newest ${keep}`] };
    });

  const removed = new Set(containers.filter((c) => c.action === 'remove').map((c) => c.id));
  const usedBy = new Map<string, string[]>();
  for (const c of input.containers) {
    if (removed.has(c.id)) continue;
    usedBy.set(c.image, [...(usedBy.get(c.image) ?? []), c.name]);
  }

  const images: ImageDecision[] = [...input.images].sort(byCreatedDesc).map((image, index) => {
    const reasons = releaseOf(image);
    const isProtected = reasons.length > 0;
    if (index < keep) reasons.push(`one of the newest ${keep} images`);
    const users = usedBy.get(image.id);
    if (users !== undefined) reasons.push(`used by container ${users.join(', ')}`);
    const foreign = [...image.repoTags, ...image.repoDigests].filter(
      (ref) => !ref.startsWith(`${input.repository}:`) && !ref.startsWith(`${input.repository}@`),
    );
    if (foreign.length > 0) reasons.push(`also referenced as ${foreign.join(', ')}`);
    const base = {
      id: image.id,
      digests: digestsOf(image),
      created: image.created,
      size: image.size,
      protected: isProtected,
    };
    if (reasons.length > 0) return { ...base, action: 'keep', reasons };
    return {
      ...base,
      action: 'remove',
      reasons: [`older than the newest ${keep}, not a release to keep, not in use`],
    };
  });
  return { containers, images };
}
