import { describe, expect, it } from 'vitest';
import { namespacedClient, type RegistryClient } from '../../../src/registry-api/index.js';

/** A registry client that records the repository each call names and holds three repositories. */
function recordingClient(): { client: RegistryClient; named: string[] } {
  const named: string[] = [];
  const seen = (repository: string) => {
    named.push(repository);
  };
  const client: RegistryClient = {
    url: 'https://registry.test',
    ping: () => Promise.resolve(),
    listRepositories: () => Promise.resolve(['api', 'opsctl-local/api', 'opsctl-local/web']),
    listTags: (r) => (seen(r), Promise.resolve([])),
    getManifest: (r) => (seen(r), Promise.resolve(undefined)),
    putManifest: (r) => (seen(r), Promise.resolve('sha256:0')),
    deleteManifest: (r) => (seen(r), Promise.resolve(true)),
    uploadBlob: (r) => (seen(r), Promise.resolve('sha256:0')),
    getBlob: (r) => (seen(r), Promise.resolve(undefined)),
    blobExists: (r) => (seen(r), Promise.resolve(false)),
    close: () => undefined,
  };
  return { client, named };
}

describe('a registry client that sees one DigitalOcean registry’s repositories', () => {
  it('lists only the repositories under the namespace, named without it', async () => {
    const { client } = recordingClient();
    expect(await namespacedClient(client, 'opsctl-local').listRepositories()).toEqual([
      'api',
      'web',
    ]);
  });

  it('puts the namespace in front of the repository every call names', async () => {
    const { client, named } = recordingClient();
    const scoped = namespacedClient(client, 'opsctl-local');
    await scoped.listTags('api');
    await scoped.getManifest('api', 'latest');
    await scoped.putManifest('api', 'latest', Buffer.from('{}'), 'application/json');
    await scoped.deleteManifest('api', 'sha256:0');
    await scoped.uploadBlob('api', Buffer.from(''));
    await scoped.getBlob('api', 'sha256:0');
    await scoped.blobExists('api', 'sha256:0');
    expect(named).toEqual(Array(7).fill('opsctl-local/api'));
  });
});
