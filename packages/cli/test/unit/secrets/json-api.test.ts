import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../../src/secrets/secret.js';
import { sealForGitHub } from '../../../src/secrets/github/seal.js';
import { JsonApi } from '../../../src/secrets/http/json-api.js';
import { REPOSITORY, startApis, type Apis } from './support/apis.js';

describe('the JSON client for GitHub and Vercel', () => {
  let apis: Apis;
  beforeAll(async () => {
    apis = await startApis();
  });
  afterAll(async () => {
    await apis.close();
  });

  it('never sends its token to another origin, whatever a response links to', () => {
    const api = new JsonApi({ api: 'GitHub', baseUrl: apis.github.url, headers: {} });
    expect(() => api.url('https://evil.example.com/steal')).toThrow(
      /GitHub linked to https:\/\/evil\.example\.com, not http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(api.url('/repos/a/b', { per_page: '100', page: undefined }).search).toBe(
      '?per_page=100',
    );
  });

  it('follows GitHub’s Link pagination to list every secret', async () => {
    const scope = { repository: REPOSITORY, environment: undefined };
    const key = await apis.githubApi.publicKey(scope);
    for (let i = 0; i < 105; i++) {
      await apis.githubApi.putSecret(scope, `PAGED_${i}`, {
        encryptedValue: await sealForGitHub(new Secret(`value-${i}`), key.key),
        keyId: key.keyId,
      });
    }
    const listed = await apis.githubApi.listSecrets(scope);
    expect(listed).toHaveLength(105);
    expect(new Set(listed.map((s) => s.name)).size).toBe(105);
    const gets = apis.github
      .requests()
      .filter((r) => r.method === 'GET' && r.url.includes('/actions/secrets?'));
    expect(gets.map((r) => r.url)).toEqual([
      '/repos/acme/shop/actions/secrets?per_page=100',
      '/repos/acme/shop/actions/secrets?per_page=100&page=2',
    ]);
  });
});

describe('retries', () => {
  let server: ReturnType<typeof createServer>;
  let url: string;
  const answers: number[] = [];
  beforeAll(async () => {
    server = createServer((_req, res) => {
      const status = answers.shift() ?? 200;
      res.writeHead(status, status === 429 ? { 'retry-after': '1' } : {}).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it('waits out a 429 and a 503, then gives the answer; a 4xx is returned at once', async () => {
    const api = new JsonApi({ api: 'Vercel', baseUrl: url, headers: {} });
    answers.push(429, 503);
    expect((await api.request({ method: 'GET', target: '/x' })).status).toBe(200);
    answers.push(404);
    expect((await api.request({ method: 'GET', target: '/x' })).status).toBe(404);
    answers.push(500, 500, 500);
    expect((await api.request({ method: 'GET', target: '/x' })).status).toBe(500);
  });

  it('names the API and the address when nothing answers', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) =>
      probe.close(() => {
        resolve();
      }),
    );
    const api = new JsonApi({
      api: 'Vercel',
      baseUrl: `http://127.0.0.1:${port}`,
      headers: {},
      attempts: 1,
    });
    await expect(api.request({ method: 'GET', target: '/v10/projects/x/env' })).rejects.toThrow(
      `GET /v10/projects/x/env: could not reach http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
  });
});
