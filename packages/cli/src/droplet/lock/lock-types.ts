import type { Executor } from '../../exec/executor.js';
import type { HolderRecord, LockKind } from './holder-record.js';

export interface LockDroplet {
  readonly name: string;
  readonly exec: Executor;
}

export interface LockRequest {
  readonly environment: string;
  readonly lockDir: string;
  readonly kind: LockKind;
  readonly sha?: string | undefined;
  readonly ciRunUrl?: string | undefined;
  /** How long to wait for a holder to finish; 0 tries once. */
  readonly waitMs: number;
  /** A lock not renewed for this long is abandoned. */
  readonly ttlMs: number;
  /** Take over an abandoned lock (only if unchanged since it was judged abandoned). */
  readonly forceUnlock: boolean;
  /** Called when a renewal finds the lock taken from us. */
  readonly onLost?: (message: string) => void;
  /** Injected for tests; real runs use the clock and timers. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface HeldLock {
  readonly record: HolderRecord;
  /** Renew on every droplet now (the heartbeat does this every TTL / 3). */
  renew(): Promise<void>;
  /** Why the lock was lost while held, if a renewal found it taken. */
  lost(): string | undefined;
  /** Stop renewing and give the lock back on every droplet. */
  release(): Promise<void>;
}
