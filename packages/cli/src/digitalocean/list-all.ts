import type { z } from 'zod';
import { DigitalOceanApiError } from './api-error.js';
import type { ApiTransport, Query } from './api-transport.js';
import type { PageLinks } from './schemas/page.js';

/** The most the API serves per page; asking for it keeps long lists to few requests. */
export const PER_PAGE = 200;

/**
 * Every item of a paginated list: follows `links.pages.next` (which carries page_token for
 * registry lists) until there is none. A next link seen twice stops with an error, not a loop.
 */
export async function listAll<P extends { links?: PageLinks }, T>(
  transport: ApiTransport,
  first: { target: string; query?: Query },
  schema: z.ZodType<P>,
  items: (page: P) => T[],
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let target = first.target;
  let query: Query | undefined = { per_page: PER_PAGE, ...first.query };
  for (;;) {
    const page = await transport.request({ method: 'GET', target, query, schema });
    all.push(...items(page));
    const next = page.links?.pages?.next;
    if (next === undefined) return all;
    if (seen.has(next)) {
      throw new DigitalOceanApiError(
        0,
        'pagination_loop',
        `GET ${first.target}: the API linked to page ${next} twice`,
        'The API paginated in a circle; retry, and report it if it persists.',
      );
    }
    seen.add(next);
    target = next;
    query = undefined; // the next link carries the query already
  }
}
