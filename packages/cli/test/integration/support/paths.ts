import { fileURLToPath } from 'node:url';

/** The checkout's root: the suite deploys with its own opsctl.yaml, `local` environment. */
export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
export const cliBin = fileURLToPath(new URL('../../../bin/run.js', import.meta.url));
export const stateDir = `${repoRoot}.opsctl/local`;
