import { readFile } from 'node:fs/promises';
import type { DropletSeed, RegistryBackend } from '../digitalocean/index.js';
import { createRegistryClient, namespacedClient } from '../registry-api/index.js';
import type { LocalContext } from './context.js';
import { docker } from './docker-cli.js';
import { networkAddress } from './datastores.js';
import { registryContainer } from './registry.js';

/**
 * The local registry as a DigitalOcean registry of this name: its images live under
 * `registry.opsctl.local:5443/opsctl-local/`, as a real one's under `registry.digitalocean.com/<name>/`.
 */
export const LOCAL_REGISTRY_NAME = 'opsctl-local';
/** The local load balancer's id in the DigitalOcean API stand-in (`loadBalancer.digitalocean`). */
export const LOCAL_LOAD_BALANCER_ID = '4de7ac8b-495b-4884-9a69-1050c6793cd6';

/** What the GitHub and Vercel stand-ins hold (the `local` environment of opsctl.yaml uses them). */
export const LOCAL_GITHUB_REPOSITORY = 'opsctl-local/opsctl';
export const LOCAL_GITHUB_ENVIRONMENTS = ['local', 'staging', 'production'] as const;
export const LOCAL_VERCEL_PROJECT = {
  id: 'prj_opsctllocalweb',
  name: 'opsctl-web',
  teamId: 'team_opsctllocal',
} as const;
/**
 * Every local droplet carries these tags, as Terraform's api-cluster module tags real ones
 * (`project:<project>`, `env:<environment>`, and the role tag `<project>-<environment>-api` that
 * opsctl.yaml finds them by).
 */
export const LOCAL_DROPLET_TAGS = ['opsctl-local-api', 'project:opsctl', 'env:local'] as const;

/**
 * The DigitalOcean registry endpoints act on the environment's real registry: its HTTP API over
 * TLS, and garbage collection run inside its container (the registry has no HTTP API for that).
 */
export async function localRegistryBackend(ctx: LocalContext): Promise<RegistryBackend> {
  const { layout, credentials } = ctx;
  const container = registryContainer(ctx);
  return {
    name: LOCAL_REGISTRY_NAME,
    publicHost: `${layout.registryHost}:${layout.registryPort}`,
    credentials: { username: credentials.registryUser, password: credentials.registryPassword },
    client: namespacedClient(
      createRegistryClient({
        url: `https://127.0.0.1:${layout.registryPort}`,
        username: credentials.registryUser,
        password: credentials.registryPassword,
        ca: await readFile(ctx.keys.caCert),
      }),
      LOCAL_REGISTRY_NAME,
    ),
    maintenance: {
      garbageCollect: () =>
        docker([
          'exec',
          container,
          'docker-registry',
          'garbage-collect',
          '--delete-untagged',
          '/etc/opsctl-registry/config.yml',
        ]),
      storageUsageBytes: async () =>
        Number(
          (await docker(['exec', container, 'du', '-sb', '/var/lib/registry'])).split(/\s+/)[0],
        ),
    },
  };
}

/** The droplets as the API lists them, read from Docker at each request. */
export function localDroplets(ctx: LocalContext): () => Promise<DropletSeed[]> {
  return () =>
    Promise.all(
      ctx.layout.droplets.map(async (d, i) => {
        const running =
          (await docker(['inspect', '-f', '{{.State.Running}}', d.container]).catch(
            () => 'false',
          )) === 'true';
        const ip = running ? await networkAddress(ctx, d.container).catch(() => '') : '';
        return {
          id: 1001 + i,
          name: d.name,
          tags: [...LOCAL_DROPLET_TAGS],
          ...(ip === '' ? {} : { privateIpv4: ip }),
          // Each droplet's own loopback address: droplets found by tag are reached at ssh.port there.
          publicIpv4: d.address,
          status: running ? ('active' as const) : ('off' as const),
        };
      }),
    );
}
