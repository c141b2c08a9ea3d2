import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { docker } from './docker-cli.js';

/** Images of the local environment, each built from packages/testbed/images/<dir>. */
export const LOCAL_IMAGES: Readonly<Record<string, string>> = {
  droplet: 'opsctl-local/droplet:bookworm',
  registry: 'opsctl-local/registry:2',
  haproxy: 'opsctl-local/haproxy:2',
  postgres: 'opsctl-local/postgres:15',
  redis: 'opsctl-local/redis:7',
};

/**
 * Builds the base images (debootstrap, Node 24) when missing, then every environment image.
 * docker build's cache makes a second run quick.
 */
export async function ensureImages(imagesDir: string, log: (line: string) => void): Promise<void> {
  await execa('bash', [join(imagesDir, 'build-base.sh')], { stdout: 'ignore', stderr: 'inherit' });
  await Promise.all(
    Object.entries(LOCAL_IMAGES).map(async ([dir, tag]) => {
      const context = join(imagesDir, dir);
      if (!existsSync(join(context, 'Dockerfile')))
        throw new Error(`missing ${context}/Dockerfile`);
      const known = await docker(['images', '-q', tag]);
      if (known === '') log(`building image ${tag}`);
      await docker(['build', '-q', '-t', tag, context]);
    }),
  );
}
export const LOCAL_NODE_IMAGE = 'opsctl-local/node:24';
