import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthMonitor } from './health-monitor.js';

export interface HealthPaths {
  /** Readiness, for load balancers and deploy gates (default `/health`). */
  readiness: string;
  /** Liveness, for Docker's HEALTHCHECK and restart policies (default `/health/live`). */
  liveness: string;
}

export const DEFAULT_HEALTH_PATHS: HealthPaths = { readiness: '/health', liveness: '/health/live' };

/**
 * A plain `node:http` handler for services without a framework. Returns true when it answered
 * the request, false when the path is not a health path and the caller should route it.
 */
export function createHealthHandler(
  monitor: HealthMonitor,
  paths: HealthPaths = DEFAULT_HEALTH_PATHS,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === paths.liveness) {
      send(res, monitor.liveness());
      return true;
    }
    if (path === paths.readiness) {
      monitor.readiness().then(
        (answer) => {
          send(res, answer);
        },
        (error: unknown) => {
          res.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
      return true;
    }
    return false;
  };
}

function send(res: ServerResponse, answer: { statusCode: number; body: unknown }): void {
  const json = JSON.stringify(answer.body);
  res.writeHead(answer.statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
}
