import { existsSync } from 'node:fs';
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
 * Files an image takes from elsewhere in the repository, so a droplet runs exactly what Ansible
 * installs on a real one (paths relative to the images directory).
 */
const SHARED_FILES: Readonly<Record<string, readonly string[]>> = {
  droplet: ['../../../infrastructure/ansible/roles/opsctl_layout/files/opsctl-env'],
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
      await buildWithSharedFiles(
        tag,
        context,
        (SHARED_FILES[dir] ?? []).map((f) => join(imagesDir, f)),
      );
    }),
  );
}
/** docker build of `context`, with `shared` files copied beside its own in a temporary context. */
async function buildWithSharedFiles(
  tag: string,
  context: string,
  shared: readonly string[],
): Promise<void> {
  if (shared.length === 0) {
    await docker(['build', '-q', '-t', tag, context]);
    return;
  }
  const staged = await mkdtemp(join(tmpdir(), 'opsctl-image-'));
  try {
    await cp(context, staged, { recursive: true });
    for (const file of shared) await copyFile(file, join(staged, file.split('/').at(-1) ?? file));
    await docker(['build', '-q', '-t', tag, staged]);
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

export const LOCAL_NODE_IMAGE = 'opsctl-local/node:24';
