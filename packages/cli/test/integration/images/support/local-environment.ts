import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRegistryClient, type RegistryClient } from '@opsctl/testbed';
import { execa } from 'execa';
import { readDotEnv } from '../../../../src/deploy/runtime-env.js';
import { repoRoot, stateDir } from '../../support/paths.js';

export const REGISTRY = 'registry.opsctl.local:5443';
export const DO_REGISTRY_NAME = 'opsctl-local';
/** Where the DigitalOcean stand-in keeps registry `opsctl-local`'s repositories. */
export const REGISTRY_URL = `${REGISTRY}/${DO_REGISTRY_NAME}`;
/** The path of a service's repository in the local registry. */
export const inRegistry = (service: string): string => `${DO_REGISTRY_NAME}/${service}`;
export const DROPLETS = [
  { name: 'droplet-1', container: 'opsctl-local-droplet-1', sshPort: 2221 },
  { name: 'droplet-2', container: 'opsctl-local-droplet-2', sshPort: 2222 },
] as const;

/** What `opsctl local up` wrote to the checkout's .env.local: registry password, API stand-in. */
export function localValues(): { password: string; apiUrl: string; token: string } {
  const values = readDotEnv(repoRoot, 'local');
  const get = (name: string): string => {
    const value = values.get(name);
    if (value === undefined || value === '') throw new Error(`${name} missing from .env.local`);
    return value;
  };
  return {
    password: get('OPSCTL_REGISTRY_PASSWORD'),
    apiUrl: get('DIGITALOCEAN_API_URL'),
    token: get('DIGITALOCEAN_TOKEN'),
  };
}

/** The local registry through its own HTTP API (not opsctl's code, not the DigitalOcean API). */
export async function registryApi(): Promise<RegistryClient> {
  return createRegistryClient({
    url: `https://${REGISTRY}`,
    username: 'opsctl',
    password: localValues().password,
    ca: await readFile(join(stateDir, 'pki', 'ca.crt')),
  });
}

/** Tag → manifest digest of a service's repository, read from the registry itself. */
export async function registryTags(service: string): Promise<Record<string, string>> {
  const repository = inRegistry(service);
  const client = await registryApi();
  try {
    const tags = await client.listTags(repository);
    const entries = await Promise.all(
      tags.map(
        async (tag) =>
          [tag, (await client.getManifest(repository, tag))?.digest ?? 'gone'] as const,
      ),
    );
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  } finally {
    client.close();
  }
}

/** Removes every manifest of a service's repository (test clean-up). */
export async function emptyRepository(service: string): Promise<void> {
  const repository = inRegistry(service);
  const client = await registryApi();
  try {
    const digests = new Set<string>();
    for (const tag of await client.listTags(repository)) {
      const manifest = await client.getManifest(repository, tag);
      if (manifest) digests.add(manifest.digest);
    }
    for (const digest of digests) await client.deleteManifest(repository, digest);
  } finally {
    client.close();
  }
}

export interface GarbageCollectionRecord {
  readonly uuid: string;
  readonly status: string;
}

/** The garbage collections the DigitalOcean stand-in has recorded for the local registry. */
export async function garbageCollections(): Promise<GarbageCollectionRecord[]> {
  const { apiUrl, token } = localValues();
  const res = await fetch(
    `${apiUrl}/v2/registries/${DO_REGISTRY_NAME}/garbage-collections?per_page=200`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  if (!res.ok) throw new Error(`garbage-collections answered ${res.status}`);
  return ((await res.json()) as { garbage_collections: GarbageCollectionRecord[] })
    .garbage_collections;
}

/** Runs a command on a droplet's own Docker engine as root (test set-up and checks only). */
export async function onDroplet(
  container: string,
  script: string,
  ...args: string[]
): Promise<string> {
  const { stdout } = await execa('docker', ['exec', container, 'sh', '-c', script, 'sh', ...args]);
  return stdout.trim();
}

/** Repository digests of the images a droplet holds for a repository, sorted. */
export async function dropletDigests(container: string, repository: string): Promise<string[]> {
  const out = await onDroplet(
    container,
    'docker image ls --digests --no-trunc --format "{{.Digest}}" "$1"',
    repository,
  );
  return out
    .split('\n')
    .filter((line) => line.startsWith('sha256:'))
    .sort();
}
