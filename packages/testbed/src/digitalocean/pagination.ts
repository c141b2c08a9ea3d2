import type { ApiRequest } from './api-exchange.js';
import { ApiFailure, unprocessable } from './api-failure.js';

/** The API's documented maximum; larger requests are served 200 per page, as the real API does. */
export const MAX_PER_PAGE = 200;
const DEFAULT_PER_PAGE = 20;

export interface PageLinks {
  pages?: { first?: string; prev?: string; next?: string; last?: string };
}

export interface Page<T> {
  readonly items: T[];
  readonly links: PageLinks;
  readonly meta: { total: number };
}

function positiveInt(req: ApiRequest, name: string, fallback: number): number {
  const raw = req.query.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw unprocessable(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Opaque page tokens carry the offset, like the registry API's (base64url JSON). */
const encodeToken = (offset: number): string =>
  Buffer.from(JSON.stringify({ offset })).toString('base64url');

function decodeToken(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
    };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw new ApiFailure(
    400,
    'bad_request',
    `page_token "${token}" is not a token this API handed out`,
  );
}

/**
 * One page of `all` with DigitalOcean's `links.pages` (absolute URLs that keep the other query
 * parameters) and `meta.total`. With `tokens`, next links also carry a page_token, which wins
 * over page when both are given (registry repository listing).
 */
export function paginate<T>(req: ApiRequest, all: readonly T[], tokens = false): Page<T> {
  const perPage = Math.min(positiveInt(req, 'per_page', DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const token = tokens ? req.query.get('page_token') : null;
  const offset = token !== null ? decodeToken(token) : (positiveInt(req, 'page', 1) - 1) * perPage;
  const page = Math.floor(offset / perPage) + 1;
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const link = (n: number, withToken: boolean): string => {
    const url = new URL(req.path, req.baseUrl);
    for (const [k, v] of req.query)
      if (!['page', 'per_page', 'page_token'].includes(k)) url.searchParams.set(k, v);
    url.searchParams.set('page', String(n));
    if (withToken) url.searchParams.set('page_token', encodeToken((n - 1) * perPage));
    url.searchParams.set('per_page', String(perPage));
    return url.toString();
  };
  const pages: NonNullable<PageLinks['pages']> = {};
  if (page > 1) Object.assign(pages, { first: link(1, false), prev: link(page - 1, tokens) });
  if (page < lastPage)
    Object.assign(pages, { next: link(page + 1, tokens), last: link(lastPage, false) });
  return {
    items: all.slice(offset, offset + perPage),
    links: Object.keys(pages).length > 0 ? { pages } : {},
    meta: { total: all.length },
  };
}
