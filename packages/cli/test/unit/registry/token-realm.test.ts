import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { RegistryClient } from '../../../src/registry/registry-client.js';
import { checkTokenRealm } from '../../../src/registry/token-realm.js';
import {
  selfSigned,
  startHttpServer,
  startHttpsServer,
  type Certificate,
  type TestServer,
} from './support/tls-server.js';

const PASSWORD = { reveal: () => 'SENTINEL-realm-password-42' };

describe('the token realm a registry names', () => {
  const seen: IncomingHttpHeaders[] = [];
  const record = (headers: IncomingHttpHeaders, res: ServerResponse): void => {
    seen.push(headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"token":"t"}');
  };
  let tls: Certificate;
  let tokens: TestServer;
  let foreign: TestServer;
  beforeAll(async () => {
    tls = selfSigned();
    // Token services that record what reaches them: one on loopback over http, and one over
    // https with a certificate the client trusts, on 127.0.0.2: another host than the registry's.
    tokens = await startHttpServer((req, res) => {
      record(req.headers, res);
    });
    foreign = await startHttpsServer(
      (req, res) => {
        record(req.headers, res);
      },
      { host: '127.0.0.2', tls },
    );
  }, 60_000);
  afterAll(async () => {
    await tokens.close();
    await foreign.close();
  });

  async function challengedBy(realm: string): Promise<unknown> {
    const registry = await startHttpsServer(
      (req, res) => {
        if (req.headers.authorization?.startsWith('Bearer ') === true) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"tags":[]}');
          return;
        }
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="r",scope="s"` });
        res.end();
      },
      { tls },
    );
    try {
      const client = new RegistryClient(
        { registry: registry.address, path: 'shop/api' },
        { ca: registry.ca, credentials: { username: 'deploy', password: PASSWORD } },
      );
      return await client.tags().then(
        () => undefined,
        (e: unknown) => e,
      );
    } finally {
      await registry.close();
    }
  }

  it('refuses a realm on another host and sends it nothing', async () => {
    seen.length = 0;
    const error = await challengedBy(`https://${foreign.address}/token`);
    expect(seen).toEqual([]);
    expect(error).toBeInstanceOf(OpsctlError);
    expect((error as OpsctlError).code).toBe('REGISTRY_REALM_REFUSED');
    expect((error as Error).message).toContain('is not on 127.0.0.1');
    expect((error as Error).message).not.toContain('SENTINEL');
  }, 60_000);

  it('sends the credentials to a loopback realm over http when the registry is on loopback', async () => {
    seen.length = 0;
    await challengedBy(`http://${tokens.address}/token`);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toMatch(/^Basic /);
  }, 60_000);
});

describe('checkTokenRealm', () => {
  it.each([
    ['https://registry.example.com/token', 'registry.example.com:5000'],
    ['https://api.digitalocean.com/v2/registry/auth', 'registry.digitalocean.com'],
    ['http://127.0.0.1:8080/token', '127.0.0.1:5443'],
  ])('allows %s for %s', (realm, registry) => {
    expect(checkTokenRealm(realm, registry).ok).toBe(true);
  });

  it.each([
    ['http://registry.example.com/token', 'registry.example.com', /is not https/],
    [
      'https://attacker.example.net/token',
      'registry.example.com',
      /is not on registry\.example\.com/,
    ],
    ['https://api.digitalocean.com/v2/registry/auth', 'registry.example.com', /is not on/],
    ['http://127.0.0.1:8080/token', 'registry.example.com', /is not https/],
    ['https://127.0.0.1/token', 'registry.example.com', /is not on/],
    ['file:///etc/passwd', 'registry.example.com', /is not https/],
    ['', 'registry.example.com', /is not a URL/],
  ])('refuses %s for %s', (realm, registry, why) => {
    const check = checkTokenRealm(realm, registry);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(why);
  });
});
