import { setTimeout as delay } from 'node:timers/promises';
import type { Secret } from '../secrets/secret.js';
import { DigitalOceanApiError } from './api-error.js';
import { ApiTransport } from './api-transport.js';
import { dropletsApi } from './droplets-api.js';
import { loadBalancersApi } from './load-balancers-api.js';
import { monitoringApi } from './monitoring-api.js';
import { registryApi } from './registry-api.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

export const DEFAULT_API_URL = 'https://api.digitalocean.com';

export interface DigitalOceanClientOptions {
  /** DIGITALOCEAN_TOKEN, read by the caller. */
  readonly token: string | Secret;
  /** DIGITALOCEAN_API_URL, read by the caller; the public API by default. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Waits between retries; tests pass one that records instead of sleeping. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly retry?: Partial<RetryPolicy>;
  /** Retry notices (never the token). */
  readonly log?: (line: string) => void;
  readonly userAgent?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function apiUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DigitalOceanApiError(
      0,
      'invalid_api_url',
      `DIGITALOCEAN_API_URL "${raw}" is not a URL`,
      `Set it to ${DEFAULT_API_URL} or unset it.`,
    );
  }
  // Plain http would send the token in clear text; it is allowed only to this machine.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new DigitalOceanApiError(
      0,
      'invalid_api_url',
      `DIGITALOCEAN_API_URL "${url.origin}" must use https (http only for 127.0.0.1 or localhost)`,
      `Set it to ${DEFAULT_API_URL} or an https URL.`,
    );
  }
  return url;
}

/** The DigitalOcean API calls opsctl makes, all through one transport. */
export function createDigitalOceanClient(opts: DigitalOceanClientOptions) {
  const token = typeof opts.token === 'string' ? opts.token : opts.token.reveal();
  if (token.trim() === '') {
    throw new DigitalOceanApiError(
      0,
      'missing_token',
      'no DigitalOcean API token was given',
      'Set DIGITALOCEAN_TOKEN to a personal access token with read and write scopes.',
    );
  }
  const transport = new ApiTransport({
    token,
    baseUrl: apiUrl(opts.baseUrl ?? DEFAULT_API_URL),
    fetch: opts.fetch ?? globalThis.fetch,
    sleep: opts.sleep ?? ((ms) => delay(ms)),
    retry: { ...DEFAULT_RETRY_POLICY, ...opts.retry },
    log: opts.log ?? (() => undefined),
    userAgent: opts.userAgent ?? 'opsctl',
  });
  return {
    ...registryApi(transport),
    ...dropletsApi(transport),
    ...loadBalancersApi(transport),
    ...monitoringApi(transport),
  };
}

export type DigitalOceanClient = ReturnType<typeof createDigitalOceanClient>;
