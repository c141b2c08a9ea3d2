import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const infrastructureDir = join(repoRoot, 'infrastructure');
export const terraformDir = join(infrastructureDir, 'terraform');
export const ansibleDir = join(infrastructureDir, 'ansible');
export const packageDir = fileURLToPath(new URL('../../', import.meta.url));
