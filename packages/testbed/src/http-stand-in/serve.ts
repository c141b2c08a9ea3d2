import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiReply } from '../digitalocean/api-exchange.js';
import type { Router } from '../digitalocean/router.js';
import { HttpFailure } from './http-failure.js';
import type { InjectedFailures } from './injected-failures.js';

export interface RecordedCall {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly status: number;
}

export interface JsonApiServerOptions {
  readonly port?: number;
  readonly router: Router;
  /** Throws an {@link HttpFailure} when the request may not proceed (authentication). */
  readonly authorize: (req: IncomingMessage) => void;
  readonly failures: InjectedFailures;
  /** The API's answers for a malformed body, an unknown route and an unexpected error. */
  readonly badJson: () => HttpFailure;
  readonly notFound: (path: string) => HttpFailure;
  readonly internalError: () => HttpFailure;
  readonly log?: (line: string) => void;
}

export interface JsonApiServer {
  readonly url: string;
  requests(): readonly RecordedCall[];
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage, bad: () => HttpFailure): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw bad();
  }
}

function send(res: ServerResponse, reply: ApiReply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers ?? {}).end();
    return;
  }
  res
    .writeHead(reply.status, {
      ...reply.headers,
      'content-type': 'application/json; charset=utf-8',
    })
    .end(JSON.stringify(reply.body));
}

/** A loopback HTTP server answering JSON through a {@link Router}, as the API stand-ins do. */
export async function serveJsonApi(opts: JsonApiServerOptions): Promise<JsonApiServer> {
  const recorded: RecordedCall[] = [];
  let origin = '';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    let reply: ApiReply;
    try {
      opts.authorize(req);
      const injected = opts.failures.take(method, url.pathname);
      if (injected) throw injected;
      const route = opts.router.match(method, url.pathname);
      if (!route) throw opts.notFound(url.pathname);
      const body = await readJson(req, opts.badJson);
      reply = await route.handler(
        { method, path: url.pathname, query: url.searchParams, body, baseUrl: origin },
        route.params,
      );
    } catch (error) {
      const failure = error instanceof HttpFailure ? error : opts.internalError();
      if (!(error instanceof HttpFailure)) {
        opts.log?.(
          `${method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
      reply = { status: failure.status, body: failure.body, headers: failure.headers };
    }
    recorded.push({ method, url: url.pathname + url.search, status: reply.status });
    send(res, reply);
  };
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests: () => [...recorded],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
