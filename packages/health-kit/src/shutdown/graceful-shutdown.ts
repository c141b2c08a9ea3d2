import { setTimeout as sleep } from 'node:timers/promises';
import { silentSink } from '../log-sink.js';
import { RequestTracker } from './request-tracker.js';
import {
  resolveDurations,
  type GracefulShutdownOptions,
  type ProcessControl,
} from './shutdown-options.js';
import { closeServer, withDeadline } from './close-server.js';

export type ShutdownPhase = 'running' | 'draining' | 'closing' | 'stopped';

export interface GracefulShutdown {
  readonly phase: ShutdownPhase;
  /** Runs the whole sequence once and resolves with the exit code it chose (0 or 1). */
  shutdown(reason: string): Promise<number>;
  /** Removes the signal handlers (for tests and for callers that manage signals themselves). */
  dispose(): void;
}

/**
 * Zero-drop shutdown behind a load balancer. On the first SIGTERM/SIGINT:
 * 1. readiness turns `draining` (503) and responses ask clients to close keep-alive sockets;
 * 2. the service keeps serving for `drainDelayMs`, long enough for health checks to notice;
 * 3. the listener closes and idle keep-alive sockets are dropped;
 * 4. requests in flight finish, for at most `timeoutMs` (then the rest are cut, exit code 1);
 * 5. `onClose` releases the database and Redis; the process exits 0.
 * A second signal exits at once with code 1.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): GracefulShutdown {
  const durations = resolveDurations(options);
  const log = options.logger ?? silentSink;
  const proc: ProcessControl = options.process ?? process;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const tracker = new RequestTracker(options.server);
  let phase: ShutdownPhase = 'running';
  let running: Promise<number> | undefined;

  const sequence = async (reason: string): Promise<number> => {
    phase = 'draining';
    options.monitor?.markDraining();
    tracker.startDraining();
    log.info({ reason, drainDelayMs: durations.drainDelayMs }, 'shutdown: draining');
    await sleep(durations.drainDelayMs);

    phase = 'closing';
    log.info({ inFlight: tracker.inFlight }, 'shutdown: no longer accepting connections');
    const cut = await closeServer(options.server, tracker, durations.timeoutMs);
    if (cut > 0) {
      log.warn(
        { inFlight: cut, timeoutMs: durations.timeoutMs },
        'shutdown: requests still running at the timeout were cut',
      );
    }
    const closed = await withDeadline(async () => {
      await options.onClose?.();
    }, durations.closeTimeoutMs);
    if (!closed.ok) {
      log.error({ error: describe(closed.error) }, 'shutdown: releasing resources failed');
    }
    phase = 'stopped';
    const code = cut === 0 && closed.ok ? 0 : 1;
    log.info({ exitCode: code }, 'shutdown: complete');
    return code;
  };

  const onSignal = (signal: NodeJS.Signals) => (): void => {
    if (running !== undefined) {
      log.warn({ signal }, 'shutdown: second signal, exiting now');
      proc.exit(1);
      return;
    }
    // Re-arm so the second signal reaches us instead of Node's default handler.
    proc.once(signal, handlers.get(signal) ?? (() => undefined));
    running = sequence(signal);
    void running.then((code) => {
      proc.exit(code);
    });
  };
  const handlers = new Map(signals.map((signal) => [signal, onSignal(signal)] as const));
  for (const [signal, handler] of handlers) proc.once(signal, handler);

  return {
    get phase() {
      return phase;
    },
    shutdown(reason) {
      running ??= sequence(reason);
      return running;
    },
    dispose() {
      for (const [signal, handler] of handlers) proc.off(signal, handler);
      tracker.dispose();
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
