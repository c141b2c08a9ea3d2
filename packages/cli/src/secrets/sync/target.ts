import type { FingerprintRecord } from '../fingerprint-records.js';
import type { Secret } from '../secret.js';

/** What a target tells about one secret, without ever revealing its value. */
export interface SecretState {
  readonly present: boolean;
  /** The fingerprint opsctl stored beside the target when it last wrote the value. */
  readonly record: FingerprintRecord | undefined;
  /** When the target itself says the value last changed (GitHub, Vercel), as ISO time. */
  readonly changedAt: string | undefined;
}

/** One secret to write to one target. */
export interface Delivery {
  readonly name: string;
  readonly value: Secret;
  readonly fingerprint: string;
  /** What the plan expects: a new secret or a changed one. */
  readonly action: 'create' | 'update';
}

export type WriteResult = { readonly outcome: 'created' | 'updated' } | { readonly error: string };

/**
 * A place secrets are delivered to: a GitHub repository or environment, one droplet's env file
 * of one service, one Vercel project environment. Targets adapt one API or host each (like
 * Kamal's secret adapters); the sync logic around them is the same for all.
 */
export interface SyncTarget {
  /** How the target is named in output, e.g. `github:acme/shop (environment staging)`. */
  readonly label: string;
  readonly kind: 'droplets' | 'github' | 'vercel';
  /** The declared secrets this target receives. */
  readonly names: readonly string[];
  /** Why this value can never go to this target (name rules, size limits), checked before sending. */
  refuse(name: string, value: Secret): string | undefined;
  /** Presence and stored fingerprints of the target's secrets. */
  inspect(): Promise<ReadonlyMap<string, SecretState>>;
  /** Writes the deliveries and records their fingerprints; one result per delivery. */
  write(deliveries: readonly Delivery[], now: string): Promise<ReadonlyMap<string, WriteResult>>;
}
