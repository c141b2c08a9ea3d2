import type {
  DependencyState,
  HealthCheck,
  HealthReport,
  HealthResponse,
  LivenessReport,
} from './health-types.js';
import { runCheck, type CheckOutcome } from './run-check.js';

export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

export interface HealthMonitorOptions {
  /** Probes known from the start; more can be added with `register`. */
  checks?: readonly HealthCheck[];
  /** Deadline for each probe, in milliseconds (default 2000). */
  timeoutMs?: number;
  /** Called when a dependency changes state (not on every poll), e.g. to log why it dropped. */
  onStateChange?: (name: string, state: DependencyState, error?: unknown) => void;
  /** Clock, for uptime and timestamps (default `Date.now`). */
  now?: () => number;
}

/**
 * Readiness and liveness for one service. Probes run concurrently, each with its own deadline;
 * a probe that is still running when the next request arrives is shared rather than started
 * again, so load-balancer polling cannot pile up connections on a struggling dependency.
 */
export class HealthMonitor {
  readonly #checks = new Map<string, HealthCheck>();
  readonly #running = new Map<string, Promise<CheckOutcome>>();
  readonly #last = new Map<string, DependencyState>();
  readonly #timeoutMs: number;
  readonly #onStateChange: HealthMonitorOptions['onStateChange'];
  readonly #now: () => number;
  readonly #startedAt: number;
  #draining = false;

  constructor(options: HealthMonitorOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
    if (!Number.isFinite(this.#timeoutMs) || this.#timeoutMs <= 0) {
      throw new RangeError(
        `health check timeout must be a positive number of ms, got ${this.#timeoutMs}`,
      );
    }
    this.#onStateChange = options.onStateChange;
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
    for (const check of options.checks ?? []) this.register(check);
  }

  /** Adds a dependency; its name appears under `services`. Names are unique. */
  register(check: HealthCheck): this {
    if (this.#checks.has(check.name)) {
      throw new Error(`a health check named "${check.name}" is already registered`);
    }
    this.#checks.set(check.name, check);
    return this;
  }

  /** From now on readiness answers 503 `draining`, so load balancers stop sending traffic. */
  markDraining(): void {
    this.#draining = true;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** `/health`: 200 only when every dependency is connected and shutdown has not begun. */
  async readiness(): Promise<HealthResponse<HealthReport>> {
    const names = [...this.#checks.keys()];
    const states = await Promise.all(names.map((name) => this.#probe(name)));
    const services: Record<string, DependencyState> = {};
    names.forEach((name, i) => {
      services[name] = states[i] ?? 'disconnected';
    });
    const allUp = states.every((state) => state === 'connected');
    const status = this.#draining ? 'draining' : allUp ? 'healthy' : 'unhealthy';
    return {
      statusCode: status === 'healthy' ? 200 : 503,
      body: { status, ...this.#clock(), services },
    };
  }

  /** `/health/live`: the event loop answers. Stays 200 while draining: the process is fine. */
  liveness(): HealthResponse<LivenessReport> {
    return { statusCode: 200, body: { status: 'alive', ...this.#clock() } };
  }

  async #probe(name: string): Promise<DependencyState> {
    let running = this.#running.get(name);
    const check = this.#checks.get(name);
    if (running === undefined && check !== undefined) {
      running = runCheck(check, this.#timeoutMs).finally(() => this.#running.delete(name));
      this.#running.set(name, running);
    }
    const outcome = await (running ?? Promise.resolve<CheckOutcome>({ state: 'disconnected' }));
    if (this.#last.get(name) !== outcome.state) {
      this.#last.set(name, outcome.state);
      this.#onStateChange?.(name, outcome.state, outcome.error);
    }
    return outcome.state;
  }

  #clock(): { uptime: number; timestamp: string } {
    const now = this.#now();
    return {
      uptime: Math.max(0, Math.floor((now - this.#startedAt) / 1000)),
      timestamp: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  }
}
