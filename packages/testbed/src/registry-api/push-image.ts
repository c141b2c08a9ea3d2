import { randomBytes } from 'node:crypto';
import { MANIFEST_MEDIA_TYPES } from './manifest.js';
import type { RegistryClient } from './registry-client.js';

export interface PushImageOptions {
  readonly repository: string;
  readonly tags: readonly string[];
  /** Layer contents; random bytes by default so every pushed image has its own blobs. */
  readonly layers?: readonly Buffer[];
  /** Build time recorded in the image config (what the DigitalOcean API reports as updated_at). */
  readonly created?: Date;
}

export interface PushedImage {
  readonly digest: string;
  readonly blobs: readonly { digest: string; size: number }[];
}

/**
 * Pushes a small image straight through the Registry HTTP API, as `docker push` would: blobs
 * first, then the manifest once under each tag. No Docker engine or CA installation needed.
 */
export async function pushImage(
  client: RegistryClient,
  opts: PushImageOptions,
): Promise<PushedImage> {
  if (opts.tags.length === 0)
    throw new Error(`pushImage: give at least one tag for ${opts.repository}`);
  const layers = opts.layers ?? [randomBytes(2048)];
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: (opts.created ?? new Date()).toISOString(),
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const configDigest = await client.uploadBlob(opts.repository, config);
  const layerBlobs: { digest: string; size: number }[] = [];
  for (const layer of layers) {
    layerBlobs.push({
      digest: await client.uploadBlob(opts.repository, layer),
      size: layer.length,
    });
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_MEDIA_TYPES.dockerManifest,
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: config.length,
        digest: configDigest,
      },
      layers: layerBlobs.map((blob) => ({
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        ...blob,
      })),
    }),
  );
  let digest = '';
  for (const tag of opts.tags) {
    digest = await client.putManifest(
      opts.repository,
      tag,
      manifest,
      MANIFEST_MEDIA_TYPES.dockerManifest,
    );
  }
  return { digest, blobs: [{ digest: configDigest, size: config.length }, ...layerBlobs] };
}
