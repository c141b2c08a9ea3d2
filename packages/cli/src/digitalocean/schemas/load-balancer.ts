import { z } from 'zod';

export const loadBalancerSchema = z.object({
  id: z.string(),
  name: z.string(),
  ip: z.string(),
  status: z.string().optional(),
  droplet_ids: z.array(z.number().int()),
  health_check: z
    .object({ protocol: z.string(), port: z.number().int(), path: z.string().optional() })
    .optional(),
});
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;
