import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoad, type RunningLoad } from '../../src/load/load-generator.js';

/** Answers every request 200, except the 3rd and the 7th it receives: 503. */
let server: Server;
let url: string;
let received = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    received++;
    res.writeHead(received === 3 || received === 7 ? 503 : 200);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function stopAfter(load: RunningLoad, count: number) {
  while (load.sentSoFar() < count) await new Promise((resolve) => setTimeout(resolve, 5));
  return load.stop();
}

describe('the load generator', () => {
  it('counts every answer and names each failed request by its number and kind', async () => {
    // One connection: requests reach the server in the order they were sent.
    const load = startLoad({ url, path: '/', rate: 200, maxRequests: 10, connections: 1 });
    const report = await stopAfter(load, 10);
    expect(report.sent).toBe(10);
    expect(report.ok).toBe(8);
    expect(report.failures).toEqual({ '503': 2 });
    expect(report.failedRequests).toEqual([
      { n: 2, kind: '503' },
      { n: 6, kind: '503' },
    ]);
  });

  it('refuses to send load anywhere but loopback', () => {
    expect(() => startLoad({ url: 'http://10.0.0.1', path: '/', rate: 1 })).toThrow(
      'load is only ever sent to loopback',
    );
  });
});
