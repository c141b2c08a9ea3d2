import { describe, expect, it } from 'vitest';
import { JsonApi } from '../../../src/secrets/http/json-api.js';

const SENTINEL = 'SENTINEL-github-token-0a1b2c3d4e5f';

describe('the JSON client’s excerpt of a non-JSON answer', () => {
  it('masks the token before cutting, so a token straddling the cut shows no prefix', async () => {
    // An echoing proxy: the token starts 10 characters before the 200-character excerpt ends.
    const echo = (() =>
      Promise.resolve(
        new Response(`${'x'.repeat(190)}${SENTINEL} tail`, { status: 502 }),
      )) as typeof fetch;
    const api = new JsonApi({
      api: 'GitHub',
      baseUrl: 'http://127.0.0.1:9',
      headers: { authorization: `Bearer ${SENTINEL}` },
      fetch: echo,
      attempts: 1,
    });
    const answer = await api.request({ method: 'GET', target: '/user' });
    const message = (answer.body as { message: string }).message;
    expect(message).toMatch(/^x{190}\[redacted\]$/);
    expect(message).not.toContain(SENTINEL.slice(0, 6));
  });
});
