import { describeFailure } from '../http/api-failure.js';
import type { VercelEnvironment } from '../../config/types.js';
import type { FingerprintRecord } from '../fingerprint-records.js';
import type { Secret } from '../secret.js';
import type { Delivery, SecretState, SyncTarget, WriteResult } from '../sync/target.js';
import type { VercelApi, VercelEnvVar, VercelProjectRef } from './vercel-api.js';

/** Vercel keeps each value under 64 KB. */
export const VERCEL_VALUE_MAX_BYTES = 64 * 1024;

/**
 * Sensitive variables cannot be read back, so the fingerprint goes where Vercel lets it: the
 * variable's comment, `opsctl-fingerprint <fingerprint> <when>`.
 */
export const fingerprintComment = (record: FingerprintRecord): string =>
  `opsctl-fingerprint ${record.fingerprint} ${record.updatedAt}`;

export function recordFromComment(comment: string | undefined): FingerprintRecord | undefined {
  const match = /^opsctl-fingerprint (v1:[A-Za-z0-9_-]+) (\S+)$/.exec(comment ?? '');
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return Number.isNaN(Date.parse(match[2]))
    ? undefined
    : { fingerprint: match[1], updatedAt: match[2] };
}

/** One Vercel environment (production, preview or development) of one project. */
export class VercelTarget implements SyncTarget {
  readonly kind = 'vercel';
  readonly label: string;

  constructor(
    private readonly api: VercelApi,
    private readonly ref: VercelProjectRef,
    private readonly environment: VercelEnvironment,
    private readonly type: 'encrypted' | 'sensitive',
    readonly names: readonly string[],
    /** The project's variables, listed once for all of its environments. */
    private readonly listing: () => Promise<VercelEnvVar[]>,
  ) {
    this.label = `vercel:${ref.project} (${environment})`;
  }

  refuse(_name: string, value: Secret): string | undefined {
    const bytes = Buffer.byteLength(value.reveal(), 'utf8');
    return bytes > VERCEL_VALUE_MAX_BYTES
      ? `the value is ${bytes} bytes; Vercel stores at most ${VERCEL_VALUE_MAX_BYTES} (64 KB)`
      : undefined;
  }

  async inspect(): Promise<ReadonlyMap<string, SecretState>> {
    const envs = await this.listing();
    return new Map(
      this.names.map((name): [string, SecretState] => {
        const found = envs.find(
          (e) => e.key === name && e.gitBranch === undefined && e.target.includes(this.environment),
        );
        return [
          name,
          {
            present: found !== undefined,
            record: recordFromComment(found?.comment),
            changedAt:
              found?.updatedAt === undefined ? undefined : new Date(found.updatedAt).toISOString(),
          },
        ];
      }),
    );
  }

  async write(
    deliveries: readonly Delivery[],
    now: string,
  ): Promise<ReadonlyMap<string, WriteResult>> {
    const results = new Map<string, WriteResult>();
    for (const delivery of deliveries) {
      try {
        await this.api.upsert(this.ref, {
          key: delivery.name,
          value: delivery.value,
          type: this.type,
          target: this.environment,
          comment: fingerprintComment({ fingerprint: delivery.fingerprint, updatedAt: now }),
        });
        results.set(delivery.name, {
          outcome: delivery.action === 'create' ? 'created' : 'updated',
        });
      } catch (error) {
        results.set(delivery.name, { error: describeFailure(error) });
      }
    }
    return results;
  }
}
