import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { LOCAL_BACKEND_HEADER } from '../local/load-balancer.js';

export interface LoadOptions {
  /** Base URL, e.g. the load balancer's http://127.0.0.1:8080 (loopback only). */
  readonly url: string;
  readonly path: string;
  /** Requests per second, sent at a fixed rate whatever the answers take. */
  readonly rate: number;
  /** Keep-alive connections in the pool. */
  readonly connections?: number;
  /** Hard bound on requests, so a forgotten generator stops by itself. */
  readonly maxRequests?: number;
  readonly method?: 'GET' | 'POST';
  /** Body for request n (POST). */
  readonly body?: (n: number) => string;
}

export interface LoadReport {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  /** Failures by kind: HTTP status or error code. */
  readonly failures: Readonly<Record<string, number>>;
  /** Every failed request: its sequence number (the order it was sent in) and kind. */
  readonly failedRequests: readonly FailedRequest[];
  /** The 2xx answers, in the order their requests were sent. */
  readonly answers: readonly Answer[];
  readonly durationMs: number;
}

export interface FailedRequest {
  readonly n: number;
  readonly kind: string;
}

export interface Answer {
  /** Sequence number: the order the request was sent in. */
  readonly n: number;
  readonly body: string;
  /** Which droplet answered, as the local load balancer names it, if any. */
  readonly droplet: string | undefined;
}

export interface RunningLoad {
  readonly sentSoFar: () => number;
  stop(): Promise<LoadReport>;
}

/**
 * A fixed-rate HTTP load over keep-alive connections that counts every non-2xx answer and every
 * connection error. Bounded in count (`maxRequests`, default 100,000) and stopped by the caller.
 */
export function startLoad(opts: LoadOptions): RunningLoad {
  const origin = new URL(opts.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(origin.hostname)) {
    throw new Error(`load is only ever sent to loopback, not ${origin.hostname}`);
  }
  const pool = new Pool(origin.origin, {
    connections: opts.connections ?? 8,
    keepAliveTimeout: 30_000,
    pipelining: 1,
  });
  const max = opts.maxRequests ?? 100_000;
  const failures: Record<string, number> = {};
  const failedRequests: FailedRequest[] = [];
  const fail = (n: number, kind: string): void => {
    failed++;
    failures[kind] = (failures[kind] ?? 0) + 1;
    failedRequests.push({ n, kind });
  };
  const answers: Answer[] = [];
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let ok = 0;
  let failed = 0;
  // Flipped by stop() while the send loop awaits; read through a call so it is read afresh.
  const stopper = new AbortController();
  const stopped = (): boolean => stopper.signal.aborted;
  const started = performance.now();

  const one = async (n: number): Promise<void> => {
    try {
      const res = await pool.request({
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: opts.method === 'POST' ? { 'content-type': 'application/json' } : {},
        ...(opts.body === undefined ? {} : { body: opts.body(n) }),
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
      const text = await res.body.text();
      if (res.statusCode >= 200 && res.statusCode < 300) {
        ok++;
        const droplet = res.headers[LOCAL_BACKEND_HEADER.toLowerCase()];
        answers.push({ n, body: text, droplet: typeof droplet === 'string' ? droplet : undefined });
      } else {
        fail(n, String(res.statusCode));
      }
    } catch (error) {
      fail(n, (error as { code?: string }).code ?? (error instanceof Error ? error.name : 'error'));
    }
  };

  const loop = (async () => {
    const interval = 1000 / opts.rate;
    while (!stopped() && sent < max) {
      const due = started + sent * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      if (stopped()) break;
      const p = one(sent++);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
  })();

  return {
    sentSoFar: () => sent,
    async stop() {
      stopper.abort();
      await loop;
      await Promise.all([...inFlight]);
      await pool.close();
      answers.sort((a, b) => a.n - b.n);
      failedRequests.sort((a, b) => a.n - b.n);
      return {
        sent,
        ok,
        failed,
        failures: { ...failures },
        failedRequests,
        answers,
        durationMs: performance.now() - started,
      };
    },
  };
}

/** The sequence of distinct values in order, with consecutive repeats folded: a,a,b,b,a → a,b,a. */
export function transitions(values: readonly string[]): string[] {
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}
