import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smokeTest } from '../../../src/deploy/smoke-test.js';

const SHA = 'abcdef123456';

/**
 * A load balancer on loopback: for its first `unrouted` requests it has no droplet in rotation
 * and answers by itself (503, like HAProxy or a DigitalOcean load balancer); then a droplet's
 * nginx answers as it does publicly (no internal header), `status` with `version` at /version.
 */
let server: Server;
let baseUrl: string;
let unrouted = 0;
let version = SHA;
let requests = 0;
let status = 200;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (requests <= unrouted) {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<h1>503 Service Unavailable</h1>\nNo server is available to handle this request.');
      return;
    }
    res.writeHead(status);
    res.end(req.url === '/version' ? JSON.stringify({ sha: version }) : 'ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests = 0;
  unrouted = 0;
  version = SHA;
  status = 200;
});

const smoke = (routeTimeoutMs: number) =>
  smokeTest({
    baseUrl,
    paths: ['/health'],
    versionPath: '/version',
    sha: SHA,
    rounds: 2,
    routeTimeoutMs,
    retryIntervalMs: 10,
  });

describe('the smoke test through the load balancer', () => {
  it('waits while the load balancer has no droplet in rotation, then judges the droplets', async () => {
    unrouted = 5;
    expect(await smoke(5_000)).toEqual({ ok: true, failures: [] });
    expect(requests).toBe(5 + 4);
  });

  it('fails, naming the load balancer’s own answer, when no droplet is routed in time', async () => {
    unrouted = 1_000_000;
    const result = await smoke(50);
    expect(result.ok).toBe(false);
    expect(result.failures[0]).toMatch(
      /^GET \/health reached no droplet through the load balancer within 0.05 s, or every droplet answered 503 \(last answer: 503 <h1>503 Service Unavailable<\/h1>/,
    );
  });

  it('judges a droplet’s answer at once: a release that reports another version fails without retries', async () => {
    version = 'fedcba654321';
    const result = await smoke(5_000);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      `GET /version through the load balancer does not report ${SHA}: {"sha":"fedcba654321"}`,
    ]);
    expect(requests).toBe(4);
  });

  it('judges any other error status at once, without waiting for the route deadline', async () => {
    status = 500;
    const result = await smoke(60_000);
    expect(result.failures).toEqual(['GET /health answered 500 through the load balancer']);
    expect(requests).toBe(4);
  });

  it('retries a droplet’s own 503 like the load balancer’s, then names it', async () => {
    status = 503;
    const result = await smoke(50);
    expect(result.ok).toBe(false);
    expect(result.failures[0]).toMatch(/or every droplet answered 503 \(last answer: 503 ok\)$/);
  });

  it('fails when nothing answers at all', async () => {
    const result = await smokeTest({
      baseUrl: 'http://127.0.0.1:9',
      paths: ['/health'],
      versionPath: undefined,
      sha: SHA,
      rounds: 1,
      routeTimeoutMs: 0,
    });
    expect(result.ok).toBe(false);
    expect(result.failures[0]).toMatch(
      /^GET \/health reached no droplet .* \(last answer: fetch failed\)$/,
    );
  });
});
