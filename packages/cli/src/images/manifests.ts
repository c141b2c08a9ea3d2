import type { RegistryImage } from './registry-images.js';

/** One manifest of a repository with every tag on it: what a delete removes at once. */
export interface RegistryManifest {
  readonly digest: string;
  readonly tags: readonly string[];
  readonly createdAt: string | undefined;
  readonly compressedSize: number | undefined;
}

/** Groups tags by the manifest they point at, newest first (unknown dates last). */
export function groupByManifest(images: readonly RegistryImage[]): RegistryManifest[] {
  const byDigest = new Map<string, { tags: string[]; image: RegistryImage }>();
  for (const image of images) {
    const known = byDigest.get(image.digest);
    if (known === undefined) byDigest.set(image.digest, { tags: [image.tag], image });
    else known.tags.push(image.tag);
  }
  return [...byDigest.values()]
    .map(({ tags, image }) => ({
      digest: image.digest,
      tags: tags.sort(),
      createdAt: image.createdAt,
      compressedSize: image.compressedSize,
    }))
    .sort(newestFirst);
}

/** Newest first by build date; undated last; ties by digest so the order never wobbles. */
export function newestFirst(
  a: { createdAt: string | undefined; digest: string },
  b: { createdAt: string | undefined; digest: string },
): number {
  const at = a.createdAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(a.createdAt);
  const bt = b.createdAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(b.createdAt);
  if (at !== bt) return bt > at ? 1 : -1;
  return a.digest.localeCompare(b.digest);
}
