import { z } from 'zod';
import { Secret } from '../secrets/secret.js';
import { DigitalOceanApiError } from './api-error.js';
import type { ApiTransport } from './api-transport.js';
import { listAll } from './list-all.js';
import {
  dockerCredentialsSchema,
  garbageCollectionSchema,
  manifestsPage,
  registrySchema,
  repositoriesPage,
  tagsPage,
  type GarbageCollection,
  type Registry,
  type RegistryManifest,
  type Repository,
  type RepositoryTag,
} from './schemas/registry.js';

export interface DockerCredentials {
  /** The registry host the credentials are for (registry.digitalocean.com in production). */
  readonly host: string;
  readonly username: string;
  readonly password: Secret;
}

const seg = encodeURIComponent;
const base = (registry: string): string => `/v2/registries/${seg(registry)}`;
const repo = (registry: string, repository: string): string =>
  `${base(registry)}/repositories/${seg(repository)}`;

function decodeCredentials(auths: Record<string, { auth: string }>): DockerCredentials {
  const [host, entry] = Object.entries(auths)[0] ?? [];
  const decoded = entry ? Buffer.from(entry.auth, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (host === undefined || colon < 1) {
    throw new DigitalOceanApiError(
      200,
      'invalid_response',
      'docker-credentials answered without a usable auths entry',
      'The API answer does not match what opsctl expects; please report it.',
    );
  }
  return {
    host,
    username: decoded.slice(0, colon),
    password: new Secret(decoded.slice(colon + 1), 'registry password'),
  };
}

/** Container registry calls (the non-deprecated /v2/registries/{registry_name} paths). */
export function registryApi(t: ApiTransport) {
  /** Newest first. */
  const listGarbageCollections = async (registry: string): Promise<GarbageCollection[]> =>
    (
      await t.request({
        method: 'GET',
        target: `${base(registry)}/garbage-collections`,
        query: { per_page: 200 },
        schema: z.object({ garbage_collections: z.array(garbageCollectionSchema) }),
      })
    ).garbage_collections;

  return {
    getRegistry: async (registry: string): Promise<Registry> =>
      (
        await t.request({
          method: 'GET',
          target: base(registry),
          schema: z.object({ registry: registrySchema }),
        })
      ).registry,

    getDockerCredentials: async (
      registry: string,
      opts: { readWrite?: boolean; expirySeconds?: number } = {},
    ): Promise<DockerCredentials> => {
      const body = await t.request({
        method: 'GET',
        target: `${base(registry)}/docker-credentials`,
        query: { read_write: opts.readWrite, expiry_seconds: opts.expirySeconds },
        schema: dockerCredentialsSchema,
      });
      return decodeCredentials(body.auths);
    },

    listRepositories: (registry: string): Promise<Repository[]> =>
      listAll(
        t,
        { target: `${base(registry)}/repositoriesV2` },
        repositoriesPage,
        (p) => p.repositories,
      ),

    listTags: (registry: string, repository: string): Promise<RepositoryTag[]> =>
      listAll(t, { target: `${repo(registry, repository)}/tags` }, tagsPage, (p) => p.tags),

    deleteTag: (registry: string, repository: string, tag: string): Promise<void> =>
      t.request({ method: 'DELETE', target: `${repo(registry, repository)}/tags/${seg(tag)}` }),

    listManifests: (registry: string, repository: string): Promise<RegistryManifest[]> =>
      listAll(
        t,
        { target: `${repo(registry, repository)}/digests` },
        manifestsPage,
        (p) => p.manifests,
      ),

    deleteManifest: (registry: string, repository: string, digest: string): Promise<void> =>
      t.request({
        method: 'DELETE',
        target: `${repo(registry, repository)}/digests/${seg(digest)}`,
      }),

    startGarbageCollection: async (registry: string): Promise<GarbageCollection> =>
      (
        await t.request({
          method: 'POST',
          target: `${base(registry)}/garbage-collection`,
          schema: z.object({ garbage_collection: garbageCollectionSchema }),
        })
      ).garbage_collection,

    /** The running collection, or undefined when none runs (the API answers 404 then). */
    getActiveGarbageCollection: async (
      registry: string,
    ): Promise<GarbageCollection | undefined> => {
      try {
        return (
          await t.request({
            method: 'GET',
            target: `${base(registry)}/garbage-collection`,
            schema: z.object({ garbage_collection: garbageCollectionSchema }),
          })
        ).garbage_collection;
      } catch (err) {
        if (err instanceof DigitalOceanApiError && err.status === 404) return undefined;
        throw err;
      }
    },

    listGarbageCollections,

    /** One collection by uuid, running or finished: how a caller follows the one it started. */
    getGarbageCollection: async (registry: string, uuid: string): Promise<GarbageCollection> => {
      const found = (await listGarbageCollections(registry)).find((gc) => gc.uuid === uuid);
      if (found) return found;
      throw new DigitalOceanApiError(
        404,
        'not_found',
        `garbage collection ${uuid} is not among registry ${registry}'s collections`,
        'Check the registry name and the uuid startGarbageCollection returned.',
      );
    },
  };
}
