import { z } from 'zod';
import { pageLinks } from './page.js';

const address = z.object({ ip_address: z.string(), type: z.enum(['public', 'private']) });

export const dropletSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  tags: z.array(z.string()),
  created_at: z.string(),
  networks: z.object({ v4: z.array(address) }),
  region: z.object({ slug: z.string() }),
});
export type Droplet = z.infer<typeof dropletSchema>;

export const dropletsPage = z.object({ droplets: z.array(dropletSchema), links: pageLinks });

/** A droplet's address of a kind (public for SSH from outside, private inside the VPC). */
export function dropletIpv4(droplet: Droplet, type: 'public' | 'private'): string | undefined {
  return droplet.networks.v4.find((a) => a.type === type)?.ip_address;
}
