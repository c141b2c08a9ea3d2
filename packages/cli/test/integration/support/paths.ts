import { fileURLToPath } from 'node:url';

/** The checkout's root: the suite deploys with its own opsctl.yaml, `local` environment. */
export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
/** This checkout's opsctl: the core with @opsctl/plugin-local, which `local up` and `deploy local` need. */
export const cliBin = `${repoRoot}packages/plugin-local/bin/opsctl.js`;
export const stateDir = `${repoRoot}.opsctl/local`;
