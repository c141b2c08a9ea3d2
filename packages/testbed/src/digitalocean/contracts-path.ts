import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The DigitalOcean API description. It lives in shared/contracts beside the repository (this
 * file is four levels below the repository root in src/ and in dist/); OPSCTL_CONTRACTS_DIR
 * points elsewhere.
 */
export function digitalOceanContractPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir =
    env.OPSCTL_CONTRACTS_DIR ??
    fileURLToPath(new URL('../../../../../shared/contracts/', import.meta.url));
  return join(dir, 'digitalocean-public.v2.yaml');
}
