import { setTimeout as sleep } from 'node:timers/promises';

/** What a smoke test through the load balancer found. */
export interface SmokeResult {
  readonly ok: boolean;
  readonly failures: readonly string[];
}

export interface SmokeRequest {
  readonly baseUrl: string;
  readonly paths: readonly string[];
  readonly versionPath: string | undefined;
  readonly sha: string;
  /** Requests per path: enough that round robin reaches every droplet. */
  readonly rounds: number;
  /**
   * How long to wait for the load balancer to route to a droplet at all. Until its health checks
   * pass (a first deploy to new droplets), it answers by itself (503) or not at all: such answers
   * are retried until this deadline, never judged as the release's. A public answer does not say
   * which droplet sent it (droplets name themselves on internal answers only), so a droplet's own
   * 503 is retried the same way and reported once the deadline passes.
   */
  readonly routeTimeoutMs: number;
  /** Pause between retries of an answer that came from no droplet. */
  readonly retryIntervalMs?: number;
}

interface Answer {
  /** 0 when nothing answered. */
  readonly status: number;
  readonly body: string;
}

/**
 * Whether the answer may be the load balancer's own: nothing answered, or 503, which a load
 * balancer with no droplet in rotation sends (HAProxy and DigitalOcean's alike).
 */
const unrouted = (answer: Answer): boolean => answer.status === 0 || answer.status === 503;

/**
 * Requests each path through the load balancer; every path must answer 2xx and the version path
 * must name the new SHA every time. Only answers from a droplet count.
 */
export async function smokeTest(req: SmokeRequest): Promise<SmokeResult> {
  const failures: string[] = [];
  const deadline = Date.now() + req.routeTimeoutMs;
  const routed = async (path: string): Promise<Answer> => {
    for (;;) {
      const answer = await get(`${req.baseUrl}${path}`);
      if (!unrouted(answer) || Date.now() >= deadline) return answer;
      await sleep(req.retryIntervalMs ?? 1000);
    }
  };
  const fromNoDroplet = (path: string, answer: Answer): string =>
    `GET ${path} reached no droplet through the load balancer within ${req.routeTimeoutMs / 1000} s, or every droplet answered 503 (last answer: ${answer.status === 0 ? answer.body : `${answer.status} ${answer.body.slice(0, 80).trim()}`})`;

  for (let round = 0; round < req.rounds; round++) {
    for (const path of req.paths) {
      const res = await routed(path);
      if (unrouted(res)) failures.push(fromNoDroplet(path, res));
      else if (res.status < 200 || res.status > 299)
        failures.push(`GET ${path} answered ${res.status} through the load balancer`);
    }
    if (req.versionPath !== undefined) {
      const res = await routed(req.versionPath);
      if (unrouted(res)) failures.push(fromNoDroplet(req.versionPath, res));
      else if (!res.body.includes(req.sha))
        failures.push(
          `GET ${req.versionPath} through the load balancer does not report ${req.sha}: ${res.body.slice(0, 120)}`,
        );
    }
  }
  return { ok: failures.length === 0, failures: [...new Set(failures)] };
}

async function get(url: string): Promise<Answer> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return { status: res.status, body: await res.text() };
  } catch (error) {
    return { status: 0, body: error instanceof Error ? error.message : String(error) };
  }
}
