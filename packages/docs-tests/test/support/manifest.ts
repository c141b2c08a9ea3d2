import { loadManifest } from '../../src/manifest/load-manifest.js';
import { repoRoot } from './repo.js';

/** The CLI's manifest as built now (turbo builds @opsctl/cli before these tests). */
export const manifest = loadManifest(repoRoot);
