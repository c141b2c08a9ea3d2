import { ok } from './api-exchange.js';
import { notFound } from './api-failure.js';
import { dropletView } from './droplet-view.js';
import { paginate } from './pagination.js';
import type { Router } from './router.js';
import type { DropletProvider, DropletSeed } from './seeds.js';

async function sortedDroplets(provider: DropletProvider): Promise<DropletSeed[]> {
  return [...(await provider())].sort((a, b) => a.id - b.id);
}

/** GET /v2/droplets (tag_name and name filters, paginated) and GET /v2/droplets/{droplet_id}. */
export function addDropletRoutes(router: Router, provider: DropletProvider): void {
  router.add('GET', '/v2/droplets', async (req) => {
    const tag = req.query.get('tag_name');
    const name = req.query.get('name');
    const matching = (await sortedDroplets(provider)).filter(
      (d) => (tag === null || d.tags.includes(tag)) && (name === null || d.name === name),
    );
    const page = paginate(req, matching);
    return ok({ droplets: page.items.map(dropletView), links: page.links, meta: page.meta });
  });

  router.add('GET', '/v2/droplets/{droplet_id}', async (_req, params) => {
    const id = Number(params.droplet_id);
    const droplet = (await provider()).find((d) => d.id === id);
    if (!droplet) throw notFound();
    return ok({ droplet: dropletView(droplet) });
  });
}
