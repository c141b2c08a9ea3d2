import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { docker } from './docker-cli.js';
import { containerName, type DropletSlot, type LocalLayout } from './layout.js';
import { labelArgs, type LocalContext } from './context.js';
import { waitFor } from './wait.js';

export const LOAD_BALANCER_IMAGE = 'opsctl-local/haproxy:2';

/** Health-check settings, named as DigitalOcean's load balancer names them. */
export interface HealthCheckSettings {
  readonly checkIntervalSeconds: number;
  readonly responseTimeoutSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
}

/** DigitalOcean's defaults: 10 s interval, 5 s timeout, 3 healthy / 5 unhealthy. */
export const DIGITALOCEAN_HEALTH_CHECK: HealthCheckSettings = {
  checkIntervalSeconds: 10,
  responseTimeoutSeconds: 5,
  healthyThreshold: 3,
  unhealthyThreshold: 5,
};

/** What the local environment uses, so a dead droplet leaves rotation within about two seconds. */
export const LOCAL_HEALTH_CHECK: HealthCheckSettings = {
  checkIntervalSeconds: 1,
  responseTimeoutSeconds: 1,
  healthyThreshold: 2,
  unhealthyThreshold: 2,
};

/** The response header in which the local load balancer names the droplet it chose. */
export const LOCAL_BACKEND_HEADER = 'X-Testbed-Droplet';

/** HAProxy as the DigitalOcean Load Balancer: round robin over each droplet's nginx, HTTP checks on /health. */
export function haproxyConfig(droplets: readonly DropletSlot[], hc: HealthCheckSettings): string {
  const servers = droplets.map((d) => `  server ${d.name} ${d.name}:80`);
  return [
    'global',
    '  log stdout format raw local0 info',
    '  stats socket /var/run/haproxy.sock mode 600 level admin',
    'defaults',
    '  mode http',
    '  log global',
    // One line per request with its termination state, so a failed request can be explained.
    '  option httplog',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-keep-alive 60s',
    '  option redispatch',
    '  retries 2',
    '  retry-on conn-failure empty-response',
    'resolvers docker',
    '  nameserver dns 127.0.0.11:53',
    '  hold valid 1s',
    'frontend lb',
    '  bind :80',
    // As DigitalOcean's load balancer does: the client's address appended to X-Forwarded-For, and
    // X-Forwarded-Proto set to the scheme the client used, replacing whatever the client sent.
    // The droplets' nginx tells forwarded (public) requests from internal ones by the former.
    '  option forwardfor',
    '  http-request set-header X-Forwarded-Proto http',
    '  default_backend droplets',
    'backend droplets',
    '  balance roundrobin',
    // For the load tests' bookkeeping only (which droplet answered): droplets name themselves on
    // internal answers only, and DigitalOcean's load balancer adds no such header.
    `  http-response set-header ${LOCAL_BACKEND_HEADER} %s`,
    '  option httpchk GET /health',
    '  http-check expect status 200',
    `  timeout check ${hc.responseTimeoutSeconds}s`,
    `  default-server check inter ${hc.checkIntervalSeconds}s rise ${hc.healthyThreshold} fall ${hc.unhealthyThreshold} resolvers docker init-addr libc,none`,
    ...servers,
    'listen stats',
    '  bind :8404',
    '  stats enable',
    '  stats uri /stats',
    '',
  ].join('\n');
}

export const loadBalancerContainer = (ctx: LocalContext): string => containerName(ctx.layout, 'lb');

export async function startLoadBalancer(ctx: LocalContext, hc: HealthCheckSettings): Promise<void> {
  const { layout } = ctx;
  const cfg = join(ctx.stateDir, 'haproxy.cfg');
  await writeFile(cfg, haproxyConfig(layout.droplets, hc), { mode: 0o644 });
  await docker([
    'run',
    '-d',
    '--name',
    loadBalancerContainer(ctx),
    ...labelArgs(ctx),
    '--network',
    layout.network,
    '-v',
    `${cfg}:/etc/haproxy/haproxy.cfg:ro`,
    '-p',
    `127.0.0.1:${layout.loadBalancerPort}:80`,
    '-p',
    `127.0.0.1:${layout.loadBalancerStatsPort}:8404`,
    LOAD_BALANCER_IMAGE,
  ]);
  await waitFor(
    'the load balancer stats page',
    async () => {
      const res = await fetch(`http://127.0.0.1:${layout.loadBalancerStatsPort}/stats;csv`);
      return res.ok;
    },
    30_000,
  );
}

/** Each droplet's state as HAProxy reports it (UP, DOWN, ...), read from its CSV stats. */
export async function backendStates(statsPort: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${statsPort}/stats;csv`);
  const text = await res.text();
  const states: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const cols = line.split(',');
    if (
      cols[0] === 'droplets' &&
      cols[1] !== undefined &&
      cols[1] !== 'BACKEND' &&
      cols[17] !== undefined
    ) {
      states[cols[1]] = cols[17];
    }
  }
  return states;
}

/** Waits until HAProxy reports every named droplet UP; on timeout throws with the states it saw. */
export async function waitForAllDropletsUp(
  statsPort: number,
  names: readonly string[],
  timeoutMs = 60_000,
): Promise<void> {
  let states: Record<string, string> = {};
  await waitFor(
    'every droplet UP in the load balancer',
    async () => {
      states = await backendStates(statsPort).catch(() => ({}));
      return names.every((name) => states[name] === 'UP');
    },
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}: ${JSON.stringify(states)}`,
    );
  });
}

/** HAProxy's termination state in an httplog line: four characters before the connection counts. */
const TERMINATION_STATE = / ([-A-Za-z]{4}) \d+\/\d+\/\d+\/\d+\/\d+ \d+\/\d+ /;

/**
 * The lines of an HAProxy httplog whose termination state says something went wrong, oldest
 * first: not `----` (a normal end) nor `LR--` (answered by HAProxy itself, e.g. its stats page).
 */
export function abnormalLines(log: string): string[] {
  return log.split('\n').filter((line) => {
    const state = TERMINATION_STATE.exec(line)?.[1];
    return state !== undefined && state !== '----' && state !== 'LR--';
  });
}

/**
 * The load balancer's log lines of requests that did not end normally (a client or server abort,
 * a timeout, a connection error).
 */
export async function abnormalRequests(layout: LocalLayout): Promise<string[]> {
  return abnormalLines(await docker(['logs', containerName(layout, 'lb')]));
}
