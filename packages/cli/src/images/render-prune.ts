import type { Output } from '../output/output.js';
import type { DropletPruneReport } from './droplet-prune.js';
import { formatAge, formatBytes, shortDigest } from './format.js';
import type { GarbageCollectionReport } from './garbage-collection.js';
import type { RegistryPruneReport } from './registry-prune.js';

export interface PruneView {
  readonly environment: string;
  readonly keep: number;
  readonly dryRun: boolean;
  readonly registry: readonly RegistryPruneReport[];
  readonly droplets: readonly DropletPruneReport[];
  readonly garbageCollection: GarbageCollectionReport | undefined;
  /** The dry run's droplet commands follow (their listing ends with "nothing was changed"). */
  readonly commandsListed?: boolean;
}

/** What was (or, in a dry run, would be) kept and removed, and why, per repository and droplet. */
export function renderPrune(output: Output, view: PruneView, now: Date): void {
  if (output.json) return;
  const remove = view.dryRun ? 'would delete' : 'delete';
  for (const repo of view.registry) {
    output.line(`Registry ${repo.repository} (keep ${view.keep}):`);
    output.table(repo.manifests, [
      {
        header: 'ACTION',
        value: (m) => (m.action === 'delete' ? remove : m.protected ? 'keep (protected)' : 'keep'),
      },
      { header: 'TAGS', value: (m) => m.tags.join(', ') },
      { header: 'DIGEST', value: (m) => shortDigest(m.digest) },
      { header: 'SIZE', value: (m) => formatBytes(m.compressedSize) },
      { header: 'AGE', value: (m) => formatAge(m.createdAt, now) },
      { header: 'WHY', value: (m) => m.reasons.join('; ') },
    ]);
    for (const error of repo.errors) output.line(`  failed: ${error}`);
    output.line();
  }
  for (const d of view.droplets) {
    output.line(`Droplet ${d.environment}/${d.droplet}, ${d.service}:`);
    if (d.containers.length === 0 && d.images.length === 0)
      output.line('  no images or containers of this service');
    else
      output.table(
        [
          ...d.containers.map((c) => ({
            kind: 'container',
            name: c.name,
            action: c.action,
            created: c.created,
            why: c.reasons,
          })),
          ...d.images.map((i) => ({
            kind: 'image',
            name: i.digests.map(shortDigest).join(', ') || i.id.slice(0, 19),
            action: i.action,
            created: i.created,
            why: i.reasons,
          })),
        ],
        [
          {
            header: 'ACTION',
            value: (r) =>
              r.action === 'remove' ? (view.dryRun ? 'would remove' : 'remove') : 'keep',
          },
          { header: 'KIND', value: (r) => r.kind },
          { header: 'NAME', value: (r) => r.name },
          { header: 'AGE', value: (r) => formatAge(r.created, now) },
          { header: 'WHY', value: (r) => r.why.join('; ') },
        ],
      );
    for (const error of d.errors) output.line(`  failed: ${error}`);
    output.line();
  }
  const gc = view.garbageCollection;
  if (gc !== undefined) {
    output.line(
      `Garbage collection: ${gc.outcome}${gc.id === undefined ? '' : ` ${gc.id}`}${gc.status === undefined ? '' : ` (${gc.status})`}: ${gc.note}`,
    );
  }
  if (view.dryRun && !view.commandsListed) output.line('Dry run: nothing was changed.');
}
