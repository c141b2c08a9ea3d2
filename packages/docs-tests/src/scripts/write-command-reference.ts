import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadManifest } from '../manifest/load-manifest.js';
import { expectedReferenceFiles } from '../reference/reference-files.js';
import { findRepoRoot } from '../repo-root.js';

// Writes docs/commands.md and the command table in README.md from the CLI's manifest.
const root = findRepoRoot();
for (const file of expectedReferenceFiles(root, loadManifest(root))) {
  writeFileSync(file.path, file.content);
  process.stdout.write(`wrote ${relative(root, file.path)}\n`);
}
