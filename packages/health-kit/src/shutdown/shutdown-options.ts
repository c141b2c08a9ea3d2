import type { Server } from 'node:http';
import type { HealthMonitor } from '../health/health-monitor.js';
import type { LogSink } from '../log-sink.js';

/** Keep serving this long after the signal, so load balancers see `draining` and move away. */
export const DEFAULT_DRAIN_DELAY_MS = 5000;
/** Then wait at most this long for requests in flight before cutting the remaining sockets. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 15_000;
/** And give `onClose` (database pools, Redis) at most this long. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 5000;

/** Where signals come from and how the process ends; `process` unless a test says otherwise. */
export interface ProcessControl {
  once(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
  exit(code: number): void;
}

export interface GracefulShutdownOptions {
  server: Server;
  /** Marked draining at the first signal, so `/health` answers 503 at once. */
  monitor?: HealthMonitor;
  logger?: LogSink;
  drainDelayMs?: number;
  timeoutMs?: number;
  closeTimeoutMs?: number;
  /** Releases what the service holds (database pool, Redis) after the last request. */
  onClose?: () => Promise<void> | void;
  signals?: readonly NodeJS.Signals[];
  process?: ProcessControl;
}

export interface ShutdownDurations {
  drainDelayMs: number;
  timeoutMs: number;
  closeTimeoutMs: number;
}

/** Validates the durations so a typo in an env file fails at start, not at the next deploy. */
export function resolveDurations(options: GracefulShutdownOptions): ShutdownDurations {
  const durations = {
    drainDelayMs: options.drainDelayMs ?? DEFAULT_DRAIN_DELAY_MS,
    timeoutMs: options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS,
    closeTimeoutMs: options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS,
  };
  for (const [name, value] of Object.entries(durations)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(
        `graceful shutdown: ${name} must be a whole number of ms >= 0, got ${value}`,
      );
    }
  }
  return durations;
}
