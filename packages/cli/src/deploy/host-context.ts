import type { Secret } from '../secrets/secret.js';
import type { Executor } from '../exec/executor.js';
import type { RemotePaths } from '../droplet/remote-paths.js';
import type { SlotPorts } from './slots.js';
import type { HostEvent } from './deploy-events.js';

/** The release a droplet is moved to: always pulled and run by digest, so a moved tag cannot sneak in. */
export interface ReleaseTarget {
  readonly sha: string;
  readonly digest: string;
  /** `<registry>/<repo>@sha256:...` */
  readonly image: string;
}

/** Everything the per-droplet procedures need, settled before any droplet is touched. */
export interface HostSettings {
  readonly service: string;
  readonly containerPort: number;
  readonly healthPath: string;
  readonly slots: SlotPorts;
  readonly healthTimeoutMs: number;
  readonly healthIntervalMs: number;
  readonly drainTimeoutMs: number;
  /** deploy.warmWindow: how long a switched-out slot keeps running for a rollback; 0 stops it. */
  readonly warmWindowMs: number;
  readonly paths: RemotePaths;
  /** Rendered env file (POSIX sh assignments); a Secret since it holds secret values. */
  readonly envFile: Secret;
  /** What the droplet's audit log records of the env file write (`deploy <sha> by <who>`). */
  readonly envFileNote: string;
  readonly envNames: readonly string[];
  readonly registryLogin:
    { readonly server: string; readonly username: string; readonly password: Secret } | undefined;
  /** Print commands instead of changing anything; probes are recorded once and assumed to pass. */
  readonly dryRun: boolean;
}

export interface HostRun {
  readonly exec: Executor;
  readonly settings: HostSettings;
  /** Phases and notes of this droplet, as they happen (see {@link HostEvent}). */
  readonly report: (event: HostEvent) => void;
  readonly signal: AbortSignal | undefined;
}
