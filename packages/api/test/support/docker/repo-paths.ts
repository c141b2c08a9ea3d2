import { fileURLToPath } from 'node:url';

/** The repository root (the API image's build context). */
export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
export const apiDockerfile = 'infrastructure/docker/api/Dockerfile';
export const testbedImages = fileURLToPath(new URL('../../../../testbed/images/', import.meta.url));
