import { z } from 'zod';
import type { ApiTransport } from './api-transport.js';
import { listAll } from './list-all.js';
import { dropletSchema, dropletsPage, type Droplet } from './schemas/droplet.js';

/** Droplet calls: list (optionally by tag, every page) and get by id. */
export function dropletsApi(t: ApiTransport) {
  return {
    listDroplets: (opts: { tag?: string } = {}): Promise<Droplet[]> =>
      listAll(
        t,
        { target: '/v2/droplets', query: { tag_name: opts.tag } },
        dropletsPage,
        (p) => p.droplets,
      ),

    getDroplet: async (id: number): Promise<Droplet> =>
      (
        await t.request({
          method: 'GET',
          target: `/v2/droplets/${String(id)}`,
          schema: z.object({ droplet: dropletSchema }),
        })
      ).droplet,
  };
}
