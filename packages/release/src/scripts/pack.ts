import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packRelease } from '../pack-release.js';
import { findRepoRoot } from '../repo-root.js';

/**
 * `pnpm pack:cli [--out DIR]`: builds and packs @opsctl/cli and @opsctl/plugin-local into
 * tarballs (default: release/ at the checkout's root, gitignored) and prints their paths.
 * Install one elsewhere with `npm install -g <tarball>`.
 */
const root = findRepoRoot();
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const tarballs = await packRelease(root, resolve(values.out ?? `${root}/release`));
process.stdout.write(`${tarballs.cli}\n${tarballs.plugin}\n`);
