import { join } from 'node:path';
import { run } from '../child-process.js';
import { buildImage } from './build-image.js';
import { testbedImages } from './repo-paths.js';

export const NODE_BASE_IMAGE = 'opsctl-local/node:24';
export const POSTGRES_IMAGE = 'opsctl-local/postgres:15';
export const REDIS_IMAGE = 'opsctl-local/redis:7';

/**
 * The locally made images the Docker tests use instead of Docker Hub's: the Node 24 base (made
 * by the testbed's build-base.sh, idempotent) and PostgreSQL/Redis built from Debian packages.
 */
export async function ensureLocalImages(): Promise<void> {
  await run('bash', [join(testbedImages, 'build-base.sh')]);
  await Promise.all([
    buildImage({ context: join(testbedImages, 'postgres'), tag: POSTGRES_IMAGE }),
    buildImage({ context: join(testbedImages, 'redis'), tag: REDIS_IMAGE }),
  ]);
}
