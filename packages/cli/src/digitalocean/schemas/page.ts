import { z } from 'zod';

/** `links.pages.next` is all pagination needs; DigitalOcean omits links or pages on a last page. */
export const pageLinks = z
  .object({ pages: z.object({ next: z.string().optional() }).optional() })
  .optional();

export type PageLinks = z.infer<typeof pageLinks>;
