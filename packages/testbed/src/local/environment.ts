import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ensureCredentials } from './credentials.js';
import { docker, labelled } from './docker-cli.js';
import { ensureDockerEngine } from './docker-engine.js';
import { ensureImages } from './images.js';
import { ensureRegistryTls, ensureSshKeys, keyPaths } from './keys.js';
import { localLayout } from './layout.js';
import {
  LOCAL_HEALTH_CHECK,
  startLoadBalancer,
  type HealthCheckSettings,
} from './load-balancer.js';
import { startRegistry } from './registry.js';
import { startDroplet, waitForDroplet } from './droplets.js';
import { startDatastores } from './datastores.js';
import { installHostTrust, removeHostTrust } from './host-trust.js';
import { isAlive, stopPid } from './processes.js';
import { clearState, readState, writeState } from './state.js';
import { readCloudApis, startCloudApis } from './cloud-apis.js';
import type { LocalContext } from './context.js';
import { localStatus, type LocalStatus } from './status.js';

export interface UpOptions {
  readonly stateDir: string;
  readonly droplets?: number;
  readonly healthCheck?: HealthCheckSettings;
  /** Put Prism with this DigitalOcean API description in front of the DigitalOcean stand-in. */
  readonly contract?: string;
  readonly log?: (line: string) => void;
}

const IMAGES_DIR = fileURLToPath(new URL('../../images', import.meta.url));

async function context(
  stateDir: string,
  droplets: number,
  log: (l: string) => void,
): Promise<LocalContext> {
  const layout = localLayout(droplets);
  const credentials = await ensureCredentials(stateDir);
  await ensureSshKeys(stateDir, layout);
  const keys = await ensureRegistryTls(stateDir, layout);
  return { layout, stateDir, keys, credentials, imagesDir: IMAGES_DIR, log };
}

/**
 * Brings the local environment up: droplets, registry, load balancer, datastores and the cloud API
 * stand-ins. If it is already up with the same droplet count it is left as it is; stale remains of
 * an earlier run (a crash, a different count) are removed first.
 */
export async function up(opts: UpOptions): Promise<LocalStatus> {
  const log = opts.log ?? (() => undefined);
  const count = opts.droplets ?? 2;
  // A fresh checkout has no state folder; everything below writes there (first the engine's log).
  await mkdir(opts.stateDir, { recursive: true, mode: 0o700 });
  const previous = await readState(opts.stateDir);
  // One checked against an API description serves a caller that asks for none.
  if (
    previous?.droplets === count &&
    (opts.contract === undefined || previous.contract === opts.contract)
  ) {
    const status = await localStatus(opts.stateDir).catch(() => undefined);
    if (status?.healthy === true) {
      log('local environment already up');
      // Cheap and idempotent: the host entry and CA may have been removed since (another checkout's
      // `down`, a reset /etc/hosts), and without them this machine cannot push.
      await installHostTrust(localLayout(count), keyPaths(opts.stateDir).caCert);
      return status;
    }
  }
  // The engine first: remains of an earlier run (containers, the network) live in its state and
  // outlast a stopped engine, so they can only be found and removed once it answers again.
  const started = await ensureDockerEngine(opts.stateDir);
  const keptEngine = await down({ stateDir: opts.stateDir, log, keepDockerEngine: true });
  const dockerd = started ?? keptEngine;
  const ctx = await context(opts.stateDir, count, log);
  // Recorded at once, so a failure further on still lets `down` stop the engine it started.
  const recorded = {
    droplets: count,
    ...(opts.contract === undefined ? {} : { contract: opts.contract }),
  };
  await writeState(opts.stateDir, {
    ...recorded,
    startedAt: new Date().toISOString(),
    pids: { dockerd },
  });
  log('building images (cached after the first run)');
  await ensureImages(ctx.imagesDir, log);
  await docker(['network', 'create', '--label', ctx.layout.label, ctx.layout.network]);
  log(`starting registry, PostgreSQL, Redis and ${count} droplet(s)`);
  await Promise.all([
    startRegistry(ctx),
    startDatastores(ctx),
    ...ctx.layout.droplets.map((d) => startDroplet(ctx, d)),
  ]);
  await Promise.all(ctx.layout.droplets.map((d) => waitForDroplet(d)));
  await startLoadBalancer(ctx, opts.healthCheck ?? LOCAL_HEALTH_CHECK);
  await installHostTrust(ctx.layout, ctx.keys.caCert);
  log('starting the DigitalOcean, GitHub and Vercel API stand-ins');
  const cloudApis = await startCloudApis(ctx, opts.contract);
  const prism = Number((await readCloudApis(opts.stateDir))?.prismPid ?? 0) || undefined;
  await writeState(opts.stateDir, {
    ...recorded,
    startedAt: new Date().toISOString(),
    pids: { dockerd, cloudApis, prism },
  });
  return localStatus(opts.stateDir);
}

export interface DownOptions {
  readonly stateDir: string;
  readonly log?: (line: string) => void;
  /** Leave a Docker engine we started running (used by `up` when it cleans stale state). */
  readonly keepDockerEngine?: boolean;
}

/**
 * Removes everything `up` made: processes (by pid), containers, networks, volumes, host entries.
 * Returns the pid of a Docker engine it was asked to keep running.
 */
export async function down(opts: DownOptions): Promise<number | undefined> {
  const log = opts.log ?? (() => undefined);
  const state = await readState(opts.stateDir);
  if (state?.pids.cloudApis !== undefined) await stopPid(state.pids.cloudApis);
  if (state?.pids.prism !== undefined) await stopPid(state.pids.prism);
  const layout = localLayout(1);
  const engineUp = await docker(['info', '--format', '{{.ID}}']).then(
    () => true,
    () => false,
  );
  if (engineUp) {
    const containers = await labelled('container', layout.label);
    if (containers.length > 0) {
      log(`removing ${containers.length} container(s)`);
      await docker(['rm', '-f', '-v', ...containers]);
    }
    const networks = await labelled('network', layout.label);
    if (networks.length > 0) await docker(['network', 'rm', ...networks]);
    const volumes = await labelled('volume', layout.label);
    if (volumes.length > 0) await docker(['volume', 'rm', '-f', ...volumes]);
  }
  await removeHostTrust(layout);
  await clearState(opts.stateDir);
  const dockerd = state?.pids.dockerd;
  if (dockerd === undefined || !isAlive(dockerd)) return undefined;
  if (opts.keepDockerEngine === true) return dockerd;
  log('stopping the Docker engine started by opsctl');
  await stopPid(dockerd, 30_000);
  return undefined;
}
