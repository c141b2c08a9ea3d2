import type { RegistryClient } from './registry-client.js';

/**
 * A registry client that sees only the repositories under `namespace/`, named without it. A
 * DigitalOcean registry keeps its images at `registry.digitalocean.com/<registry>/<repository>`
 * and its API names them `<repository>`; the local registry holds them the same way.
 */
export function namespacedClient(client: RegistryClient, namespace: string): RegistryClient {
  const full = (repository: string): string => `${namespace}/${repository}`;
  const prefix = `${namespace}/`;
  return {
    url: client.url,
    ping: () => client.ping(),
    listRepositories: async () =>
      (await client.listRepositories())
        .filter((name) => name.startsWith(prefix))
        .map((name) => name.slice(prefix.length)),
    listTags: (repository) => client.listTags(full(repository)),
    getManifest: (repository, reference) => client.getManifest(full(repository), reference),
    putManifest: (repository, reference, bytes, mediaType) =>
      client.putManifest(full(repository), reference, bytes, mediaType),
    deleteManifest: (repository, digest) => client.deleteManifest(full(repository), digest),
    uploadBlob: (repository, bytes) => client.uploadBlob(full(repository), bytes),
    getBlob: (repository, digest) => client.getBlob(full(repository), digest),
    blobExists: (repository, digest) => client.blobExists(full(repository), digest),
    close: () => {
      client.close();
    },
  };
}
