import { readEnvHeader } from '../../deploy/commands/env-files.js';
import { renderEnvFile } from '../../deploy/env-file.js';
import type { Executor } from '../../exec/executor.js';
import { parseRecords, serializeRecords, type FingerprintRecord } from '../fingerprint-records.js';
import type { Secret } from '../secret.js';
import type { Delivery, SecretState, SyncTarget, WriteResult } from '../sync/target.js';
import { parseEnvMeta, writeEnvFiles } from './env-store.js';

export interface DropletTargetInput {
  readonly droplet: string;
  readonly exec: Executor;
  readonly service: string;
  /** The env file's path on the droplet. */
  readonly envFile: string;
  /** The declared secrets of this service that this sync covers. */
  readonly names: readonly string[];
  /** Everything the file holds: the service's plain `env`, then all of its secrets. */
  readonly fileValues: ReadonlyMap<string, string | Secret>;
  /** Fingerprints of all secrets in the file (not only those this sync covers). */
  readonly fileFingerprints: ReadonlyMap<string, string>;
  /** Who syncs, for the droplet's audit log (`alice@laptop`, or the CI run). */
  readonly actor: string;
  /** Masks secret values in the audit note: the actor comes from the environment, unchecked. */
  readonly redact: (text: string) => string;
  /** How the env file helper is invoked; sudo on a droplet (tests point it elsewhere). */
  readonly envHelper?: readonly string[];
}

/**
 * One service's env file on one droplet: the same file `opsctl deploy` writes (one renderer),
 * with a fingerprints file beside it. The file is always written whole; a running service picks
 * the new values up at its next deploy, or at once with `--restart`.
 */
export class DropletTarget implements SyncTarget {
  readonly kind = 'droplets';
  readonly label: string;
  readonly names: readonly string[];
  readonly service: string;

  constructor(private readonly input: DropletTargetInput) {
    this.label = `${input.droplet}:${input.service}`;
    this.names = input.names;
    this.service = input.service;
  }

  refuse(): string | undefined {
    return undefined;
  }

  async inspect(): Promise<ReadonlyMap<string, SecretState>> {
    const meta = await this.#meta();
    return new Map(
      this.names.map((name): [string, SecretState] => [
        name,
        {
          present: meta.names?.has(name) ?? false,
          record: meta.records.get(name),
          changedAt: undefined,
        },
      ]),
    );
  }

  async write(
    deliveries: readonly Delivery[],
    now: string,
  ): Promise<ReadonlyMap<string, WriteResult>> {
    const previous = (await this.#meta()).records;
    // The file is rewritten whole, so every secret in it gets a record of what it now holds.
    const records = new Map<string, FingerprintRecord>();
    for (const [name, fingerprint] of this.input.fileFingerprints) {
      const before = previous.get(name);
      records.set(
        name,
        before?.fingerprint === fingerprint ? before : { fingerprint, updatedAt: now },
      );
    }
    for (const command of writeEnvFiles(
      this.input.envFile,
      renderEnvFile(this.input.fileValues),
      serializeRecords(records),
      this.input.redact(auditNote(this.input.actor, deliveries)),
      this.input.envHelper,
    )) {
      await this.input.exec.run(command);
    }
    return new Map(
      deliveries.map((d): [string, WriteResult] => [
        d.name,
        { outcome: d.action === 'create' ? 'created' : 'updated' },
      ]),
    );
  }

  async #meta(): Promise<{
    names: ReadonlySet<string> | undefined;
    records: Map<string, FingerprintRecord>;
  }> {
    const meta = parseEnvMeta(
      (await this.input.exec.run(readEnvHeader(this.input.envFile, this.input.envHelper))).stdout,
    );
    return { names: meta.names, records: parseRecords(meta.fingerprints) };
  }
}

/** What the droplet's audit log records of a sync: who, and which names were created or updated. */
function auditNote(actor: string, deliveries: readonly Delivery[]): string {
  const names = (action: Delivery['action']): string =>
    deliveries
      .filter((d) => d.action === action)
      .map((d) => d.name)
      .join(',') || '-';
  return `secrets sync by ${actor}: created=${names('create')} updated=${names('update')}`;
}
