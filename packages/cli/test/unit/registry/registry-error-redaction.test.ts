import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/registry/registry-client.js';
import { startHttpsServer, type TestServer } from './support/tls-server.js';

const SENTINEL = 'SENTINEL-registry-password-7f3a9c1e5b';
const LIMIT = 200;

describe('registry error texts', () => {
  let server: TestServer;
  beforeAll(async () => {
    // An echoing registry: the password starts 10 characters before the excerpt ends.
    server = await startHttpsServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end(`${'x'.repeat(LIMIT - 10)}${SENTINEL} and more`);
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('mask the credentials before cutting the body, so no prefix of them is shown', async () => {
    const client = new RegistryClient(
      { registry: server.address, path: 'shop/api' },
      { ca: server.ca, credentials: { username: 'deploy', password: { reveal: () => SENTINEL } } },
    );
    const error = await client.tags().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/HTTP 403 \(check the registry credentials\) x+\[redacted/);
    expect(error?.message).not.toContain(SENTINEL.slice(0, 6));
  });
});
