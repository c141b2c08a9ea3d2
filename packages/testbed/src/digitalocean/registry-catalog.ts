import {
  compressedSize,
  imageConfigSchema,
  referencedBlobs,
  type Descriptor,
} from '../registry-api/manifest.js';
import type { RegistryClient, StoredManifest } from '../registry-api/registry-client.js';
import { mapLimit } from './map-limit.js';

export interface TagRecord {
  readonly tag: string;
  readonly digest: string;
  readonly compressedSize: number;
  readonly updatedAt: string;
}

export interface ManifestRecord {
  readonly digest: string;
  readonly compressedSize: number;
  readonly updatedAt: string;
  readonly tags: string[];
  readonly blobs: readonly Descriptor[];
}

export interface RepositoryRecord {
  readonly name: string;
  /** Newest first, as the API lists them. */
  readonly tags: readonly TagRecord[];
  readonly manifests: readonly ManifestRecord[];
}

const UNKNOWN_TIME = '1970-01-01T00:00:00Z';
/** Registry requests in flight at once while reading. */
const CONCURRENCY = 8;
/** Newest first; ties (tags on one manifest) by name so the order is stable. */
const newestFirst = (
  a: { updatedAt: string; tag?: string; digest: string },
  b: { updatedAt: string; tag?: string; digest: string },
): number =>
  b.updatedAt.localeCompare(a.updatedAt) || (a.tag ?? a.digest).localeCompare(b.tag ?? b.digest);

/**
 * Reads the registry into the shapes the DigitalOcean API reports. The distribution API has no
 * timestamps, so a manifest's time is its image config's `created` (when it was built), cached
 * by digest since content under a digest never changes. Manifests are those some tag reaches:
 * the registry API cannot list untagged ones.
 */
export class RegistryCatalog {
  private readonly created = new Map<string, string>();

  constructor(private readonly client: RegistryClient) {}

  private async createdAt(repo: string, stored: StoredManifest): Promise<string> {
    const cached = this.created.get(stored.digest);
    if (cached !== undefined) return cached;
    let time = UNKNOWN_TIME;
    if ('config' in stored.manifest) {
      const config = await this.client.getBlob(repo, stored.manifest.config.digest);
      const parsed = config && imageConfigSchema.safeParse(JSON.parse(config.toString('utf8')));
      if (parsed?.success && parsed.data.created !== undefined)
        time = new Date(parsed.data.created).toISOString();
    }
    this.created.set(stored.digest, time);
    return time;
  }

  /** A repository with at least one tag, or undefined. */
  async repository(name: string): Promise<RepositoryRecord | undefined> {
    const read = await mapLimit(await this.client.listTags(name), CONCURRENCY, async (tag) => {
      const stored = await this.client.getManifest(name, tag);
      return stored && { tag, stored, updatedAt: await this.createdAt(name, stored) };
    });
    const tags: TagRecord[] = [];
    const manifests = new Map<string, ManifestRecord>();
    for (const entry of read) {
      if (!entry) continue; // deleted between listing and reading
      const { tag, stored, updatedAt } = entry;
      const size = compressedSize(stored.manifest);
      tags.push({ tag, digest: stored.digest, compressedSize: size, updatedAt });
      const known = manifests.get(stored.digest);
      if (known) known.tags.push(tag);
      else
        manifests.set(stored.digest, {
          digest: stored.digest,
          compressedSize: size,
          updatedAt,
          tags: [tag],
          blobs: referencedBlobs(stored.manifest),
        });
    }
    if (tags.length === 0) return undefined;
    return {
      name,
      tags: tags.sort(newestFirst),
      manifests: [...manifests.values()].sort(newestFirst),
    };
  }

  /** Names of repositories that hold at least one tag (distribution keeps emptied ones), sorted. */
  async repositoryNames(): Promise<string[]> {
    const names = (await this.client.listRepositories()).sort();
    const tagged = await mapLimit(
      names,
      CONCURRENCY,
      async (n) => (await this.client.listTags(n)).length > 0,
    );
    return names.filter((_, i) => tagged[i]);
  }

  /** Full records for the given repositories, skipping any emptied meanwhile. */
  async repositories(names: readonly string[]): Promise<RepositoryRecord[]> {
    const found = await mapLimit(names, CONCURRENCY, (n) => this.repository(n));
    return found.filter((r): r is RepositoryRecord => r !== undefined);
  }
}
