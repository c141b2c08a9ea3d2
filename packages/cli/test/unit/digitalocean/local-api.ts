import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalApi {
  readonly url: string;
  readonly seen: string[];
  close(): Promise<void>;
}

/** A bare HTTP server answering with `reply`, for answers no well-behaved API gives. */
export async function startLocalApi(
  reply: (req: IncomingMessage, url: string) => { status: number; body: unknown },
): Promise<LocalApi> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const { status, body } = reply(req, `http://${req.headers.host ?? ''}`);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
