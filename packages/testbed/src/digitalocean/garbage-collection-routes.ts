import { ok } from './api-exchange.js';
import { notFound } from './api-failure.js';
import type { GarbageCollector } from './garbage-collector.js';
import { paginate } from './pagination.js';
import type { Router } from './router.js';

/** Start, get the active, and list garbage collections of the one registry. */
export function addGarbageCollectionRoutes(
  router: Router,
  registryName: string,
  gc: GarbageCollector,
): void {
  const check = (p: Record<string, string>): void => {
    if (p.registry_name !== registryName)
      throw notFound(`registry "${p.registry_name ?? ''}" not found`);
  };

  router.add('POST', '/v2/registries/{registry_name}/garbage-collection', (_req, p) => {
    check(p);
    return Promise.resolve(ok({ garbage_collection: gc.start() }, 201));
  });

  router.add('GET', '/v2/registries/{registry_name}/garbage-collection', (_req, p) => {
    check(p);
    const active = gc.active();
    if (!active) throw notFound('no garbage collection is running for this registry');
    return Promise.resolve(ok({ garbage_collection: { ...active } }));
  });

  router.add('GET', '/v2/registries/{registry_name}/garbage-collections', (req, p) => {
    check(p);
    // The description gives this list no links or meta: newest first, page and per_page honoured.
    const page = paginate(req, gc.list());
    return Promise.resolve(ok({ garbage_collections: page.items.map((g) => ({ ...g })) }));
  });
}
