import { createHash } from 'node:crypto';

/** The content address the registry uses for blobs and manifests. */
export const sha256Digest = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
