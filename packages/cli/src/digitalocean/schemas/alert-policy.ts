import { z } from 'zod';
import { pageLinks } from './page.js';

export const alertPolicySchema = z.object({
  uuid: z.string(),
  type: z.string(),
  description: z.string(),
  compare: z.string(),
  value: z.number(),
  window: z.string(),
  entities: z.array(z.string()),
  tags: z.array(z.string()),
  enabled: z.boolean(),
});
export type AlertPolicy = z.infer<typeof alertPolicySchema>;

export const alertPoliciesPage = z.object({
  policies: z.array(alertPolicySchema),
  links: pageLinks,
});
