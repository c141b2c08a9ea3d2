import { setTimeout as sleep } from 'node:timers/promises';
import { DigitalOceanApiError } from '../digitalocean/api-error.js';
import type { GarbageCollection } from '../digitalocean/index.js';
import { registryFailure } from './errors.js';
import type { DigitalOceanRegistry } from './registry-site.js';

/** What happened about reclaiming the space of deleted manifests. */
export interface GarbageCollectionReport {
  readonly outcome: 'started' | 'already-running' | 'not-needed' | 'unavailable' | 'dry-run';
  /** The collection's uuid, when one was started or found running. */
  readonly id?: string;
  /** DigitalOcean's status: requested, scanning manifests, ..., succeeded, failed. */
  readonly status?: string;
  readonly blobsDeleted?: number;
  readonly freedBytes?: number;
  readonly note: string;
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);
const POLL_MS = 1_000;

const fromApi = (
  outcome: GarbageCollectionReport['outcome'],
  gc: GarbageCollection,
  note: string,
): GarbageCollectionReport => ({
  outcome,
  id: gc.uuid,
  status: gc.status,
  blobsDeleted: gc.blobs_deleted,
  freedBytes: gc.freed_bytes,
  note,
});

/** The collection running now, if any (the registry is read-only meanwhile). */
export async function activeGarbageCollection(
  registry: DigitalOceanRegistry,
  server: string,
): Promise<GarbageCollection | undefined> {
  try {
    return await registry.api.getActiveGarbageCollection(registry.name);
  } catch (error) {
    throw registryFailure(error, server);
  }
}

/**
 * Starts garbage collection (deleting manifests frees nothing until it runs) and, with `wait`,
 * follows it to the end. A collection already running is reported (and followed with `wait`),
 * not treated as a failure: it reclaims the space as well.
 */
export async function collectGarbage(
  registry: DigitalOceanRegistry,
  server: string,
  options: FollowOptions,
): Promise<GarbageCollectionReport> {
  let gc: GarbageCollection;
  let outcome: 'started' | 'already-running' = 'started';
  try {
    gc = await registry.api.startGarbageCollection(registry.name);
  } catch (error) {
    if (!(error instanceof DigitalOceanApiError) || error.status !== 409)
      throw registryFailure(error, server);
    const running = await activeGarbageCollection(registry, server);
    if (running === undefined) throw registryFailure(error, server);
    gc = running;
    outcome = 'already-running';
  }
  if (!options.wait) {
    return fromApi(
      outcome,
      gc,
      `${outcome === 'started' ? 'started' : 'one was already running'}; the registry is read-only until it finishes (--wait waits for it)`,
    );
  }
  const done = await follow(registry, server, gc, options);
  return fromApi(outcome, done, `finished: ${done.status}`);
}

interface FollowOptions {
  readonly wait: boolean;
  readonly signal: AbortSignal;
  readonly progress: (line: string) => void;
}

async function follow(
  registry: DigitalOceanRegistry,
  server: string,
  first: GarbageCollection,
  options: FollowOptions,
): Promise<GarbageCollection> {
  let gc = first;
  while (!FINISHED.has(gc.status)) {
    options.progress(`garbage collection ${gc.uuid}: ${gc.status}`);
    await sleep(POLL_MS, undefined, { signal: options.signal });
    try {
      gc = await registry.api.getGarbageCollection(registry.name, gc.uuid);
    } catch (error) {
      throw registryFailure(error, server);
    }
  }
  return gc;
}
