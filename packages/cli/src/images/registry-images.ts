import { DigitalOceanApiError } from '../digitalocean/api-error.js';
import { mapLimit } from '../deploy/map-limit.js';
import type { Repository } from '../registry/image-ref.js';
import type { RegistryClient } from '../registry/registry-client.js';
import type { DigitalOceanRegistry } from './registry-site.js';

/** One tag in a registry repository. */
export interface RegistryImage {
  readonly tag: string;
  readonly digest: string;
  /** Bytes a pull transfers, when the registry says. */
  readonly compressedSize: number | undefined;
  /** When the image was built (ISO 8601), when known. */
  readonly createdAt: string | undefined;
}

/** Reading and deleting a repository's images, through whichever API the registry offers. */
export interface RepositoryImages {
  list(): Promise<RegistryImage[]>;
  /** Deletes a manifest and so every tag on it. */
  deleteManifest(digest: string): Promise<void>;
}

/** Registry requests in flight at once while reading manifests. */
const CONCURRENCY = 8;

/**
 * Through the Registry HTTP API v2, which any registry speaks: tags, then each tag's manifest for
 * digest and size, and its image configuration for the build date (read once per digest).
 */
export function registryApiImages(client: RegistryClient): RepositoryImages {
  const created = new Map<string, Promise<string | undefined>>();
  const createdOf = (configDigest: string): Promise<string | undefined> => {
    let known = created.get(configDigest);
    if (known === undefined) {
      known = client.imageCreated(configDigest);
      created.set(configDigest, known);
    }
    return known;
  };
  return {
    list: async () => {
      const tags = await client.tags();
      const settled = await mapLimit(tags, CONCURRENCY, async (tag) => {
        const manifest = await client.manifest(tag);
        if (manifest === undefined) return undefined; // deleted between listing and reading
        return {
          tag,
          digest: manifest.digest,
          compressedSize: manifest.compressedSize,
          createdAt:
            manifest.configDigest === undefined
              ? undefined
              : await createdOf(manifest.configDigest),
        };
      });
      return settled.flatMap((s) => {
        if (s.status === 'rejected') throw s.reason;
        return s.value === undefined ? [] : [s.value];
      });
    },
    deleteManifest: (digest) => client.deleteManifest(digest),
  };
}

/** Through the DigitalOcean API, which reports sizes and dates itself (one request per page). */
export function digitalOceanImages(
  registry: DigitalOceanRegistry,
  repo: Repository,
): RepositoryImages {
  // DigitalOcean names repositories without the registry host and name in front.
  const name = repo.path.startsWith(`${registry.name}/`)
    ? repo.path.slice(registry.name.length + 1)
    : repo.path;
  return {
    list: async () => {
      try {
        const tags = await registry.api.listTags(registry.name, name);
        return tags.map((t) => ({
          tag: t.tag,
          digest: t.manifest_digest,
          compressedSize: t.compressed_size_bytes,
          createdAt: t.updated_at,
        }));
      } catch (error) {
        if (!(error instanceof DigitalOceanApiError) || error.status !== 404) throw error;
        // A repository nobody pushed to yet does not exist: no images. A wrong registry name
        // answers 404 too; that must fail, not look empty.
        await registry.api.getRegistry(registry.name);
        return [];
      }
    },
    deleteManifest: (digest) => registry.api.deleteManifest(registry.name, name, digest),
  };
}
