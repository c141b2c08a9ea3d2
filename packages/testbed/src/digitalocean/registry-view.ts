import type { ManifestRecord, RepositoryRecord, TagRecord } from './registry-catalog.js';

export function tagView(
  registry: string,
  repository: string,
  t: TagRecord,
): Record<string, unknown> {
  return {
    registry_name: registry,
    repository,
    tag: t.tag,
    manifest_digest: t.digest,
    compressed_size_bytes: t.compressedSize,
    size_bytes: t.compressedSize,
    updated_at: t.updatedAt,
  };
}

export function manifestView(
  registry: string,
  repository: string,
  m: ManifestRecord,
): Record<string, unknown> {
  return {
    registry_name: registry,
    repository,
    digest: m.digest,
    compressed_size_bytes: m.compressedSize,
    size_bytes: m.compressedSize,
    updated_at: m.updatedAt,
    tags: [...m.tags],
    blobs: m.blobs.map((b) => ({ digest: b.digest, compressed_size_bytes: b.size })),
  };
}

export function repositoryView(registry: string, r: RepositoryRecord): Record<string, unknown> {
  const latest = r.manifests[0];
  return {
    registry_name: registry,
    name: r.name,
    ...(latest ? { latest_manifest: manifestView(registry, r.name, latest) } : {}),
    tag_count: r.tags.length,
    manifest_count: r.manifests.length,
  };
}
