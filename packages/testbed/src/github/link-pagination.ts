import type { ApiRequest } from '../digitalocean/api-exchange.js';

export interface PageLimits {
  readonly defaultPerPage: number;
  readonly maxPerPage: number;
}

function positive(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return raw !== null && Number.isInteger(n) && n >= 1 ? n : fallback;
}

/**
 * One page of `all` the way GitHub pages: `per_page` (capped) and `page` query parameters, and a
 * `Link` header with `prev`, `next`, `last` and `first` URLs that keep the other parameters.
 */
export function githubPage<T>(
  req: ApiRequest,
  all: readonly T[],
  limits: PageLimits,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(
    positive(req.query.get('per_page'), limits.defaultPerPage),
    limits.maxPerPage,
  );
  const page = positive(req.query.get('page'), 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (n: number, rel: string): string => {
    const url = new URL(req.path, req.baseUrl);
    for (const [k, v] of req.query)
      if (k !== 'page' && k !== 'per_page') url.searchParams.set(k, v);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}
