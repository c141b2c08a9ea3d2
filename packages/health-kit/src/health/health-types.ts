/** State of one dependency as reported under `services` in `/health`. */
export type DependencyState = 'connected' | 'disconnected';

/** Overall readiness: `draining` once shutdown has begun, whatever the dependencies say. */
export type HealthStatus = 'healthy' | 'unhealthy' | 'draining';

/**
 * A dependency probe. `check` resolves when the dependency answers and rejects (or never
 * settles) when it does not; it receives a signal that aborts when the check times out, so a
 * probe that supports cancellation can release what it holds.
 */
export interface HealthCheck {
  readonly name: string;
  check(signal: AbortSignal): Promise<unknown>;
}

/** The body of `/health`, exactly the shape of the service contract. */
export interface HealthReport {
  status: HealthStatus;
  /** Whole seconds since the monitor was created (process start for a service). */
  uptime: number;
  /** ISO-8601 UTC, second precision. */
  timestamp: string;
  services: Record<string, DependencyState>;
}

/** The body of `/health/live`: the process answers; no dependency is consulted. */
export interface LivenessReport {
  status: 'alive';
  uptime: number;
  timestamp: string;
}

/** An HTTP answer independent of any framework: status code plus JSON body. */
export interface HealthResponse<Body> {
  statusCode: 200 | 503;
  body: Body;
}
