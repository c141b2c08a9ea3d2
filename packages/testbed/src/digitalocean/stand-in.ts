import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiReply } from './api-exchange.js';
import { ApiFailure, notFound, unauthorized } from './api-failure.js';
import { addDropletRoutes } from './droplet-routes.js';
import { FaultQueue, type FaultSpec } from './fault-queue.js';
import { addGarbageCollectionRoutes } from './garbage-collection-routes.js';
import { GarbageCollector } from './garbage-collector.js';
import { addLoadBalancerRoutes, type LoadBalancerState } from './load-balancer-routes.js';
import { addMonitoringRoutes } from './monitoring-routes.js';
import { RateLimiter } from './rate-limiter.js';
import { RegistryCatalog } from './registry-catalog.js';
import { addRegistryRoutes } from './registry-routes.js';
import { Router } from './router.js';
import type { DigitalOceanStandInOptions } from './stand-in-options.js';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly status: number;
}

export interface DigitalOceanStandIn {
  /** Where the stand-in listens, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** Absolute links in responses use this origin; set it to the contract proxy's URL when one is in front. */
  setPublicUrl(url: string): void;
  /** The next `count` authenticated requests answer with `status` (429 with retry-after, or 5xx). */
  injectFaults(spec: FaultSpec): void;
  /** Every request answered so far, oldest first. */
  requests(): readonly RecordedRequest[];
  /** A load balancer's current droplet ids. */
  loadBalancerDroplets(id: string): readonly number[] | undefined;
  close(): Promise<void>;
}

function sameToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiFailure(400, 'bad_request', 'the request body is not valid JSON');
  }
}

function send(res: ServerResponse, reply: ApiReply, headers: Record<string, string>): void {
  const all = { ...headers, ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, all).end();
    return;
  }
  res
    .writeHead(reply.status, { ...all, 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(reply.body));
}

/**
 * A local stand-in for the DigitalOcean API v2: the endpoints opsctl uses, in the official shapes,
 * with bearer auth, pagination, rate-limit headers and injectable faults. The container registry
 * endpoints act on a real registry; droplets and load balancers come from the local environment.
 */
export async function startDigitalOceanStandIn(
  opts: DigitalOceanStandInOptions,
): Promise<DigitalOceanStandIn> {
  if (opts.token === '') throw new Error('startDigitalOceanStandIn: token must not be empty');
  const log = opts.log ?? (() => undefined);
  const router = new Router();
  const droplets = opts.droplets ?? (() => []);
  const balancers = new Map<string, LoadBalancerState>(
    (opts.loadBalancers ?? []).map((seed) => [seed.id, { seed, dropletIds: [...seed.dropletIds] }]),
  );
  addDropletRoutes(router, droplets);
  addLoadBalancerRoutes(
    router,
    balancers,
    droplets,
    opts.onLoadBalancerChange ?? (() => Promise.resolve()),
  );
  addMonitoringRoutes(router, opts.alertPolicies ?? []);
  let collector: GarbageCollector | undefined;
  if (opts.registry) {
    collector = new GarbageCollector(opts.registry.name, opts.registry.maintenance, (err) => {
      log(`garbage collection failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    addRegistryRoutes(router, opts.registry, new RegistryCatalog(opts.registry.client), collector);
    addGarbageCollectionRoutes(router, opts.registry.name, collector);
  }
  const faults = new FaultQueue();
  const limiter = new RateLimiter(opts.rateLimitPerHour ?? 5000);
  const recorded: RecordedRequest[] = [];
  let publicUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    let headers: Record<string, string> = {};
    let reply: ApiReply;
    try {
      if (!sameToken(req.headers.authorization, opts.token)) throw unauthorized();
      const quota = limiter.take();
      headers = limiter.headers(quota);
      if (!quota.allowed)
        throw new ApiFailure(429, 'too_many_requests', 'API Rate limit exceeded.', {
          'retry-after': String(Math.max(1, quota.reset - Math.floor(Date.now() / 1000))),
        });
      const fault = faults.next();
      if (fault) throw fault;
      const route = router.match(method, url.pathname);
      if (!route) throw notFound();
      const body = await readJson(req);
      reply = await route.handler(
        { method, path: url.pathname, query: url.searchParams, body, baseUrl: publicUrl },
        route.params,
      );
    } catch (err) {
      const failure =
        err instanceof ApiFailure
          ? err
          : new ApiFailure(500, 'server_error', 'Unexpected server-side error');
      if (!(err instanceof ApiFailure))
        log(
          `${method} ${url.pathname} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
      if (failure.status === 429) headers['ratelimit-remaining'] = '0';
      reply = { status: failure.status, body: failure.body(), headers: failure.headers };
    }
    recorded.push({ method, url: url.pathname + url.search, status: reply.status });
    send(res, reply, headers);
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const own = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  publicUrl = own;

  return {
    url: own,
    setPublicUrl: (u) => {
      publicUrl = new URL(u).origin;
    },
    injectFaults: (spec) => {
      faults.inject(spec);
    },
    requests: () => [...recorded],
    loadBalancerDroplets: (id) => balancers.get(id)?.dropletIds,
    close: async () => {
      await collector?.idle();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}
