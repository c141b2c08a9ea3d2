import { randomUUID } from 'node:crypto';
import {
  parseGarbageCollectOutput,
  type RegistryMaintenance,
} from '../registry-api/registry-maintenance.js';
import { conflict } from './api-failure.js';

export type GarbageCollectionStatus =
  | 'requested'
  | 'waiting for write JWTs to expire'
  | 'scanning manifests'
  | 'deleting unreferenced blobs'
  | 'failed'
  | 'succeeded';

export interface GarbageCollection {
  uuid: string;
  registry_name: string;
  status: GarbageCollectionStatus;
  created_at: string;
  updated_at: string;
  blobs_deleted: number;
  freed_bytes: number;
}

const FINISHED: readonly GarbageCollectionStatus[] = ['failed', 'succeeded'];

/**
 * Runs the registry's real garbage collector the way DigitalOcean describes it: the registry goes
 * read-only (API writes are refused), in-flight writes drain, then the collector scans and deletes
 * unreferenced blobs; the result records blobs deleted and bytes freed.
 */
export class GarbageCollector {
  private readonly runs: GarbageCollection[] = [];
  private inFlightWrites = 0;
  private drained: (() => void) | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly registryName: string,
    private readonly maintenance: RegistryMaintenance,
    private readonly onError: (err: unknown) => void,
  ) {}

  active(): GarbageCollection | undefined {
    return this.runs.find((r) => !FINISHED.includes(r.status));
  }

  /** Newest first. */
  list(): GarbageCollection[] {
    return [...this.runs];
  }

  start(): GarbageCollection {
    const busy = this.active();
    if (busy)
      throw conflict(`garbage collection ${busy.uuid} is already running for this registry`);
    const now = new Date().toISOString();
    const gc: GarbageCollection = {
      uuid: randomUUID(),
      registry_name: this.registryName,
      status: 'requested',
      created_at: now,
      updated_at: now,
      blobs_deleted: 0,
      freed_bytes: 0,
    };
    this.runs.unshift(gc);
    const answer = { ...gc };
    this.running = this.run(gc);
    return answer;
  }

  /** Runs a registry write unless a collection holds the registry read-only. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    const busy = this.active();
    if (busy) {
      throw conflict(
        `the registry is read-only while garbage collection ${busy.uuid} runs; try again once it has finished`,
      );
    }
    this.inFlightWrites++;
    try {
      return await fn();
    } finally {
      this.inFlightWrites--;
      if (this.inFlightWrites === 0) this.drained?.();
    }
  }

  /** Resolves when no collection is running (used when the stand-in shuts down). */
  idle(): Promise<void> {
    return this.running;
  }

  private set(gc: GarbageCollection, status: GarbageCollectionStatus): void {
    gc.status = status;
    gc.updated_at = new Date().toISOString();
  }

  private async run(gc: GarbageCollection): Promise<void> {
    try {
      this.set(gc, 'waiting for write JWTs to expire');
      if (this.inFlightWrites > 0) {
        await new Promise<void>((resolve) => {
          this.drained = resolve;
        });
        this.drained = undefined;
      }
      this.set(gc, 'scanning manifests');
      const before = await this.maintenance.storageUsageBytes();
      this.set(gc, 'deleting unreferenced blobs');
      const summary = parseGarbageCollectOutput(await this.maintenance.garbageCollect());
      const after = await this.maintenance.storageUsageBytes();
      gc.blobs_deleted = summary.blobsDeleted;
      gc.freed_bytes = Math.max(0, before - after);
      this.set(gc, 'succeeded');
    } catch (err) {
      this.set(gc, 'failed');
      this.onError(err);
    }
  }
}
