import type { DropletSeed } from '../../../src/digitalocean/seeds.js';

export const TOKEN = 'dop_v1_test_token_0123456789';

/** `count` droplets; every third is tagged "web", the rest "worker". */
export function seedDroplets(count: number): DropletSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    id: 1000 + i,
    name: `droplet-${i}`,
    tags: [i % 3 === 0 ? 'web' : 'worker'],
    publicIpv4: `127.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    privateIpv4: `10.10.${Math.floor(i / 250)}.${(i % 250) + 1}`,
  }));
}

/** GET/POST/DELETE against the stand-in with a bearer token; returns status, headers and JSON. */
export async function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const res = await fetch(new URL(path, base), {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${init.token ?? TOKEN}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}
