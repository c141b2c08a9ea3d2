import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeServer } from './support/close-server.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logging/create-logger.js';
import { RequestContext } from '../src/logging/request-context.js';
import { createRequestMiddleware } from '../src/logging/request-middleware.js';
import { createLogCapture } from '../src/testing/log-capture.js';
import { waitUntil } from '../src/testing/wait-until.js';

let server: Server | undefined;
afterEach(async () => {
  await closeServer(server);
  server = undefined;
});

/** A real server whose handler logs twice around an await, through the root logger. */
async function startServer() {
  const out = createLogCapture();
  const context = new RequestContext();
  const logger = createLogger({ destination: out.stream, context, env: {} });
  const middleware = createRequestMiddleware({ logger, context });
  server = createServer((req, res) => {
    middleware(req, res, () => {
      logger.info('handling');
      void sleep(Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? '0')).then(
        () => {
          logger.info('handled');
          res.end('ok');
        },
      );
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { out, url: `http://127.0.0.1:${port}` };
}

describe('request ids in logs', () => {
  it('accepts X-Request-Id, echoes it and stamps it on every line of that request', async () => {
    const { out, url } = await startServer();
    const res = await fetch(`${url}/items`, { headers: { 'x-request-id': 'req-abc.123' } });
    await res.text();
    expect(res.headers.get('x-request-id')).toBe('req-abc.123');
    await waitUntil(() => out.records().length === 3, 'the completion line is logged');
    const lines = out.records();
    expect(lines.map((l) => l.msg)).toEqual(['handling', 'handled', 'request completed']);
    expect(lines.every((l) => l.requestId === 'req-abc.123')).toBe(true);
    expect(lines[2]).toMatchObject({
      method: 'GET',
      path: '/items',
      statusCode: 200,
      completed: true,
    });
  });

  it('generates an id when the client sends none or an unusable one', async () => {
    const { out, url } = await startServer();
    const plain = await fetch(url);
    const weird = await fetch(url, { headers: { 'x-request-id': 'has spaces {and} "quotes"' } });
    await Promise.all([plain.text(), weird.text()]);
    const ids = [plain.headers.get('x-request-id'), weird.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    await waitUntil(() => out.records().length === 6, 'both requests are logged');
    expect(out.text()).not.toContain('has spaces');
  });

  it('keeps the ids of overlapping requests apart', async () => {
    const { out, url } = await startServer();
    await Promise.all(
      ['one', 'two', 'three'].map(async (id, i) => {
        const res = await fetch(`${url}/?ms=${30 - i * 10}`, { headers: { 'x-request-id': id } });
        await res.text();
      }),
    );
    await waitUntil(() => out.records().length === 9, 'all three requests are logged');
    for (const id of ['one', 'two', 'three']) {
      expect(
        out
          .records()
          .filter((l) => l.requestId === id)
          .map((l) => l.msg),
      ).toEqual(['handling', 'handled', 'request completed']);
    }
  });
});

describe('the request line', () => {
  it('logs the path without its query string, which may carry a token', async () => {
    const { out, url } = await startServer();
    const res = await fetch(`${url}/reset?token=SENTINEL-query-token-5d2e&ms=0`);
    await res.text();
    await waitUntil(() => out.records().length === 3, 'the completion line is logged');
    expect(out.records()[2]).toMatchObject({ msg: 'request completed', path: '/reset' });
    expect(out.text()).not.toContain('SENTINEL');
  });
});
