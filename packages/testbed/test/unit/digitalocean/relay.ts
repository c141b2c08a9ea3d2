import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Relay {
  readonly url: string;
  /** When set, JSON response bodies pass through this function on their way back. */
  rewrite: ((body: unknown) => unknown) | undefined;
  close(): Promise<void>;
}

/** An HTTP relay to `upstream` that can tamper with responses, to prove the contract proxy notices. */
export async function startRelay(upstream: string): Promise<Relay> {
  const relay: Relay = { url: '', rewrite: undefined, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
        ),
      );
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const up = await fetch(new URL(req.url ?? '/', upstream), {
        method: req.method ?? 'GET',
        headers,
        body,
      });
      let text = await up.text();
      if (relay.rewrite && text !== '') text = JSON.stringify(relay.rewrite(JSON.parse(text)));
      const out: Record<string, string> = {};
      up.headers.forEach((v, k) => {
        if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k))
          out[k] = v;
      });
      res.writeHead(up.status, out).end(text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(relay, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  });
}
