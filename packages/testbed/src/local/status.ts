import { existsSync } from 'node:fs';
import { postgresFiles } from './datastore-files.js';
import { docker } from './docker-cli.js';
import { localLayout } from './layout.js';
import { backendStates } from './load-balancer.js';
import { isAlive } from './processes.js';
import { readState } from './state.js';
import { readCloudApis } from './cloud-apis.js';

export interface DropletStatus {
  readonly name: string;
  readonly container: string;
  readonly sshPort: number;
  readonly httpPort: number;
  /** The droplet container's state (running, exited, missing). */
  readonly state: string;
  /** How the load balancer sees it (UP, DOWN, ...). */
  readonly loadBalancer: string;
}

export interface LocalStatus {
  readonly up: boolean;
  readonly healthy: boolean;
  readonly loadBalancer: { readonly url: string; readonly statsUrl: string };
  readonly registry: { readonly url: string; readonly host: string };
  readonly doApi: { readonly url: string; readonly running: boolean };
  readonly database: { readonly host: string; readonly port: number };
  readonly redis: { readonly host: string; readonly port: number };
  readonly droplets: readonly DropletStatus[];
  readonly stateDir: string;
}

async function containerState(name: string): Promise<string> {
  return docker(['inspect', '-f', '{{.State.Status}}', name]).catch(() => 'missing');
}

/** What runs now, read from Docker and the load balancer (never from memory of what was started). */
export async function localStatus(stateDir: string): Promise<LocalStatus> {
  const state = await readState(stateDir);
  const layout = localLayout(state?.droplets ?? 2);
  const lb = state ? await backendStates(layout.loadBalancerStatsPort).catch(() => ({})) : {};
  const droplets = await Promise.all(
    layout.droplets.map(async (d) => ({
      name: d.name,
      container: d.container,
      sshPort: d.sshPort,
      httpPort: d.httpPort,
      state: await containerState(d.container),
      loadBalancer: (lb as Record<string, string>)[d.name] ?? 'unknown',
    })),
  );
  const doApiRunning = state?.pids.cloudApis !== undefined && isAlive(state.pids.cloudApis);
  const cloud = doApiRunning ? await readCloudApis(stateDir) : undefined;
  const up = state !== undefined;
  // An environment started by an older version lacks later stand-ins: `up` starts it afresh.
  const allStandIns = cloud?.githubApi !== undefined && cloud.vercelApi !== undefined;
  // Likewise one whose PostgreSQL predates TLS (it has no server certificate).
  const managedLike = existsSync(postgresFiles(stateDir).serverCert);
  return {
    up,
    healthy:
      up &&
      doApiRunning &&
      allStandIns &&
      managedLike &&
      droplets.every((d) => d.state === 'running'),
    loadBalancer: {
      url: `http://127.0.0.1:${layout.loadBalancerPort}`,
      statsUrl: `http://127.0.0.1:${layout.loadBalancerStatsPort}/stats`,
    },
    registry: {
      url: `https://${layout.registryHost}:${layout.registryPort}`,
      host: `${layout.registryHost}:${layout.registryPort}`,
    },
    doApi: { url: cloud?.doApi ?? '', running: doApiRunning },
    database: { host: '127.0.0.1', port: layout.postgresPort },
    redis: { host: '127.0.0.1', port: layout.redisPort },
    droplets,
    stateDir,
  };
}
