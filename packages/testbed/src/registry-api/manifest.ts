import { z } from 'zod';

export const MANIFEST_MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;

/** Every manifest kind we read; sent as Accept so the registry never downgrades to schema 1. */
export const MANIFEST_ACCEPT = Object.values(MANIFEST_MEDIA_TYPES).join(', ');

const descriptor = z.object({
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  digest: z.string(),
});

const imageManifest = z.object({
  schemaVersion: z.literal(2),
  config: descriptor,
  layers: z.array(descriptor),
});

const imageIndex = z.object({
  schemaVersion: z.literal(2),
  manifests: z.array(descriptor),
});

export const manifestSchema = z.union([imageManifest, imageIndex]);
export type Manifest = z.infer<typeof manifestSchema>;
export type Descriptor = z.infer<typeof descriptor>;

/** The only field of an image config we use: when the image was built. */
export const imageConfigSchema = z.object({ created: z.string().optional() });

/** Blobs a manifest references directly (config first, then layers); an index references none. */
export function referencedBlobs(manifest: Manifest): Descriptor[] {
  return 'layers' in manifest ? [manifest.config, ...manifest.layers] : [];
}

/** Compressed bytes a manifest stands for: its blobs, or for an index the manifests it lists. */
export function compressedSize(manifest: Manifest): number {
  const parts = 'layers' in manifest ? referencedBlobs(manifest) : manifest.manifests;
  return parts.reduce((sum, d) => sum + d.size, 0);
}
