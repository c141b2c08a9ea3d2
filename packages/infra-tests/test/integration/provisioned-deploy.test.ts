import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiRelease, fakeSha } from '@opsctl/testbed';
import { explain, runPlaybook, type PlaybookRun } from './support/ansible.js';
import {
  buildBareImage,
  inventoryFor,
  ssh,
  startBareDroplet,
  type BareDroplet,
} from './support/bare-droplet.js';
import { PROVISIONED_ENV, writeDeployConfig } from './support/deploy-config.js';
import {
  LOCAL_LABEL,
  LOCAL_NETWORK,
  LOCAL_REGISTRY,
  LOCAL_REGISTRY_CA,
  localDotEnv,
  useLocalEnvironment,
  type LocalEnvironment,
} from './support/local-environment.js';
import { opsctl, type OpsctlRun } from './support/opsctl-cli.js';
import { repoRoot } from '../support/paths.js';
import { run } from '../support/run.js';

/**
 * The path from a bare Debian 12 droplet to a served release with nothing done by hand:
 * setup-api.yml provisions it, `opsctl deploy` deploys to it twice (a blue-green switch), and a
 * later playbook run changes nothing and leaves the deployed release serving. The droplet joins
 * the local environment's network to pull from its TLS registry and reach its PostgreSQL and Redis.
 */
const firstSha = fakeSha();
const secondSha = fakeSha();
/** opsctl names a release by the first 12 characters of its commit, like its image tag. */
const short = (sha: string): string => sha.slice(0, 12);
const tags: string[] = [];

let local: LocalEnvironment | undefined;
let droplet: BareDroplet | undefined;
let work: string;
let config: string;
let firstProvision: PlaybookRun;

function theDroplet(): BareDroplet {
  if (droplet === undefined) throw new Error('the droplet did not start');
  return droplet;
}

async function provision(user: 'root' | 'ops'): Promise<PlaybookRun> {
  const d = theDroplet();
  const inventory = join(work, `inventory-${user}.json`);
  await writeFile(inventory, inventoryFor(d, user, user === 'root' ? d.rootKey : d.adminKey));
  const vars = join(work, 'vars.json');
  await writeFile(
    vars,
    JSON.stringify({
      opsctl_admin_authorized_keys: [await d.publicKey('admin')],
      opsctl_deploy_authorized_keys: [await d.publicKey('deploy')],
      opsctl_environment: PROVISIONED_ENV,
      // Connections from this machine reach the droplet from its network's gateway.
      opsctl_firewall_ssh_sources: [d.gateway],
      opsctl_firewall_http_sources: [d.gateway],
      opsctl_registry_host: LOCAL_REGISTRY,
      opsctl_registry_ca: await readFile(LOCAL_REGISTRY_CA, 'utf8'),
      opsctl_docker_daemon_config: {
        'live-restore': true,
        'log-driver': 'json-file',
        'log-opts': { 'max-size': '10m', 'max-file': '3' },
        // Release containers address the datastores by IP; no lookup may leave this machine.
        dns: ['127.0.0.1'],
      },
    }),
  );
  return runPlaybook('setup-api.yml', ['-i', inventory, '-e', `@${vars}`]);
}

async function deploy(sha: string): Promise<OpsctlRun> {
  return opsctl(['deploy', PROVISIONED_ENV, '--config', config, '--sha', sha, '--json']);
}

interface Served {
  status: number;
  sha: string | undefined;
  upstream: string | null;
}

/** GET /version through the droplet's nginx, as a load balancer would. */
async function version(): Promise<Served> {
  const response = await fetch(`http://127.0.0.1:${String(theDroplet().httpPort)}/version`, {
    signal: AbortSignal.timeout(5000),
  });
  const body = await response.text();
  const sha = response.ok ? (JSON.parse(body) as { sha?: string }).sha : undefined;
  return { status: response.status, sha, upstream: response.headers.get('x-opsctl-upstream') };
}

const onDroplet = async (command: string): Promise<string> => {
  const d = theDroplet();
  const result = await ssh(d, 'ops', d.adminKey, command);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};

beforeAll(async () => {
  local = await useLocalEnvironment();
  const env = await localDotEnv();
  const secret = (name: string): string => {
    const value = env.get(name);
    if (value === undefined) throw new Error(`.env.local has no ${name}; run opsctl local up`);
    return value;
  };
  await buildBareImage();
  work = await mkdtemp(join(tmpdir(), 'opsctl-provisioned-'));
  droplet = await startBareDroplet({
    network: LOCAL_NETWORK,
    // `opsctl local down` removes the droplet too, should this file not get to its cleanup.
    labels: [LOCAL_LABEL, 'opsctl-test=provisioned-deploy'],
  });
  config = await writeDeployConfig(work, droplet, {
    OPSCTL_REGISTRY_PASSWORD: secret('OPSCTL_REGISTRY_PASSWORD'),
    DATABASE_URL: secret('DATABASE_URL'),
    REDIS_URL: secret('REDIS_URL'),
    DATABASE_CA_CERT: secret('DATABASE_CA_CERT'),
    REDIS_CA_CERT: secret('REDIS_CA_CERT'),
  });
  const releases = (async () => {
    for (const sha of [firstSha, secondSha])
      tags.push(
        await buildApiRelease(sha, {
          repoRoot,
          repository: `${LOCAL_REGISTRY}/api`,
          registryUser: 'opsctl',
          registryPassword: secret('OPSCTL_REGISTRY_PASSWORD'),
        }),
      );
  })();
  [firstProvision] = await Promise.all([provision('root'), releases]);
}, 600_000);

afterAll(async () => {
  await droplet?.remove();
  if (tags.length > 0) await run('docker', ['rmi', ...tags]);
  await rm(work, { recursive: true, force: true });
  await local?.release();
}, 120_000);

describe('opsctl deploy to a droplet setup-api.yml provisioned from bare', () => {
  it('provisions the bare droplet, trusting the registry CA for its engine', async () => {
    expect(firstProvision.code, explain(firstProvision)).toBe(0);
    expect(firstProvision.recap.get('droplet')).toMatchObject({ failed: 0, unreachable: 0 });
    expect(await onDroplet(`sudo -n cat '/etc/docker/certs.d/${LOCAL_REGISTRY}/ca.crt'`)).toBe(
      await readFile(LOCAL_REGISTRY_CA, 'utf8'),
    );
  });

  it('deploys the first release into the blue slot and serves it through nginx', async () => {
    const result = await deploy(firstSha);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.json?.result).toMatchObject({
      outcome: 'succeeded',
      sha: short(firstSha),
      droplets: [{ droplet: 'provisioned-1', outcome: 'succeeded' }],
      smoke: { ok: true },
    });
    expect(await version()).toEqual({ status: 200, sha: firstSha, upstream: '127.0.0.1:3001' });
  });

  it('switches to the second release in the green slot and keeps the blue one warm, out of rotation', async () => {
    const result = await deploy(secondSha);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.json?.result).toMatchObject({
      outcome: 'succeeded',
      sha: short(secondSha),
      droplets: [{ droplet: 'provisioned-1', outcome: 'succeeded', previousSha: short(firstSha) }],
    });
    expect(await version()).toEqual({ status: 200, sha: secondSha, upstream: '127.0.0.1:3002' });
    const running = await onDroplet(
      `sudo -n docker ps --filter label=opsctl.service=api --format '{{.Names}} {{.Label "opsctl.sha"}}'`,
    );
    // deploy.warmWindow (10 minutes by default): the first release keeps running for a rollback
    // that is only a switch; nginx sends it nothing.
    expect(running.trim().split('\n').sort()).toEqual([
      `opsctl-api-blue ${short(firstSha)}`,
      `opsctl-api-green ${short(secondSha)}`,
    ]);
    const warm = JSON.parse(await onDroplet('sudo -n cat /var/lib/opsctl/api/warm.json')) as {
      slot: string;
      sha: string;
    };
    expect(warm).toMatchObject({ slot: 'blue', sha: short(firstSha) });
  });

  it('changes nothing when the playbook runs again, and the deployed release keeps serving', async () => {
    const again = await provision('ops');
    expect(again.code, explain(again)).toBe(0);
    expect(again.recap.get('droplet')).toMatchObject({ changed: 0, failed: 0 });
    expect(await onDroplet('sudo -n cat /etc/opsctl/nginx/upstreams/api.conf')).toContain(
      'server 127.0.0.1:3002;',
    );
    const active = JSON.parse(await onDroplet('sudo -n cat /var/lib/opsctl/api/active.json')) as {
      slot: string;
      sha: string;
    };
    expect(active).toMatchObject({ slot: 'green', sha: short(secondSha) });
    expect(await version()).toEqual({ status: 200, sha: secondSha, upstream: '127.0.0.1:3002' });
  });
});
