import type { CommandContext } from '../context/command-context.js';
import { collectGarbage, type GarbageCollectionReport } from './garbage-collection.js';
import type { RegistrySite } from './registry-site.js';

/**
 * After deletes, the registry's storage is freed only by garbage collection: started through the
 * DigitalOcean API when it manages the registry; other registries have no API for it, which is
 * said rather than hidden.
 */
export async function reclaimSpace(
  ctx: CommandContext,
  site: RegistrySite,
  input: { readonly deleted: number; readonly wait: boolean },
): Promise<GarbageCollectionReport> {
  if (ctx.dryRun) return { outcome: 'dry-run', note: 'a dry run starts no garbage collection' };
  if (input.deleted <= 0)
    return { outcome: 'not-needed', note: 'nothing was deleted from the registry' };
  if (site.digitalocean === undefined) {
    return {
      outcome: 'unavailable',
      note: `${site.server} has no API to start garbage collection: run "registry garbage-collect" on the registry's host to reclaim the space`,
    };
  }
  return collectGarbage(site.digitalocean, site.server, {
    wait: input.wait,
    signal: ctx.signal,
    progress: (line) => {
      ctx.logger.info(line);
    },
  });
}
