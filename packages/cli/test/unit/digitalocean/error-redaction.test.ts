import { describe, expect, it } from 'vitest';
import { createDigitalOceanClient } from '../../../src/digitalocean/index.js';

const SENTINEL = 'SENTINEL-do-token-9f8e7d6c5b4a';

describe('DigitalOcean API error texts', () => {
  it('scrub the token before cutting the body, so a token straddling the cut shows no prefix', async () => {
    // An echoing proxy: the token starts 10 characters before the 300-character excerpt ends.
    const echo = (() =>
      Promise.resolve(
        new Response(`${'x'.repeat(290)}${SENTINEL} tail`, { status: 403 }),
      )) as typeof fetch;
    const client = createDigitalOceanClient({
      token: SENTINEL,
      baseUrl: 'http://127.0.0.1:9',
      fetch: echo,
    });
    const error = await client.listDroplets().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/failed with 403 http_403: x{290}\[redacted\]/);
    expect(error?.message).not.toContain(SENTINEL.slice(0, 6));
  });
});
