import { Agent, request } from 'node:http';

export interface LoadRequest {
  method?: string;
  path: string;
  body?: string;
}

export interface BalancedLoadOptions {
  /** Base URL of the service, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Chooses the n-th request each worker sends (default: `GET /`). */
  next?: (n: number, worker: number) => LoadRequest;
  /** Parallel keep-alive clients (default 8). */
  concurrency?: number;
  /** Readiness path polled like a load balancer does (default `/health`). */
  healthPath?: string;
  /** Poll interval; keep it well under the service's drain delay (default 100 ms). */
  pollIntervalMs?: number;
}

export interface LoadFailure {
  request: LoadRequest;
  reason: string;
}

export interface BalancedLoadResult {
  succeeded: number;
  failed: LoadFailure[];
  /** True when the health poll saw `draining` before the service went away. */
  sawDraining: boolean;
  /** Bodies of successful responses, in completion order, for lost-write checks. */
  bodies: string[];
}

export interface BalancedLoad {
  /** Resolves once the given number of requests have succeeded; rejects if the load ends first. */
  reached(count: number): Promise<void>;
  /** Stops routing (as when the backend leaves the pool) and waits for requests in flight. */
  stop(): Promise<BalancedLoadResult>;
  /** Resolves when the health poll took the backend out of rotation and all workers ended. */
  readonly finished: Promise<BalancedLoadResult>;
}

/**
 * Sends continuous keep-alive traffic to one backend the way a load balancer routes to it: it
 * polls readiness, and once the backend answers anything but 200 (or refuses connections) it
 * stops sending new requests and lets the ones in flight finish. Every non-2xx answer or
 * connection error of a routed request counts as a failure: behind a real balancer, each would
 * have been an error seen by a user.
 */
export function startBalancedLoad(options: BalancedLoadOptions): BalancedLoad {
  const base = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: (options.concurrency ?? 8) + 1 });
  const result: BalancedLoadResult = { succeeded: 0, failed: [], sawDraining: false, bodies: [] };
  const next = options.next ?? ((): LoadRequest => ({ path: '/' }));
  let routing = true;
  const waiters: { count: number; resolve: () => void }[] = [];

  const send = (req: LoadRequest): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const call = request(
        new URL(req.path, base),
        {
          agent,
          method: req.method ?? 'GET',
          headers: req.body === undefined ? {} : { 'content-type': 'application/json' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
          });
          res.on('error', reject);
        },
      );
      call.on('error', reject);
      call.end(req.body);
    });

  const worker = async (id: number): Promise<void> => {
    for (let n = 0; routing; n++) {
      const req = next(n, id);
      try {
        const answer = await send(req);
        if (answer.status >= 200 && answer.status < 300) {
          result.succeeded++;
          result.bodies.push(answer.body);
          for (const waiter of waiters.filter((w) => result.succeeded >= w.count)) waiter.resolve();
        } else {
          result.failed.push({
            request: req,
            reason: `HTTP ${answer.status}: ${answer.body.slice(0, 200)}`,
          });
        }
      } catch (error) {
        result.failed.push({
          request: req,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };

  const poll = async (): Promise<void> => {
    while (routing) {
      try {
        const answer = await send({ path: options.healthPath ?? '/health' });
        if (answer.status !== 200) {
          result.sawDraining ||= answer.body.includes('"draining"');
          routing = false;
        }
      } catch {
        routing = false;
      }
      if (routing)
        await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 100));
    }
  };

  const workers = Array.from({ length: options.concurrency ?? 8 }, (_, i) => worker(i));
  const finished = Promise.all([poll(), ...workers]).then(() => {
    agent.destroy();
    return result;
  });
  return {
    finished,
    reached: (count) =>
      new Promise((resolve, reject) => {
        if (result.succeeded >= count) resolve();
        else waiters.push({ count, resolve });
        void finished.then(() => {
          if (result.succeeded < count) {
            reject(
              new Error(`load ended after ${result.succeeded} of ${count} successful requests`),
            );
          }
        });
      }),
    stop: () => {
      routing = false;
      return finished;
    },
  };
}
