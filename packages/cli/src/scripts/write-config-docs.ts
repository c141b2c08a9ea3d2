import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { configReferenceMarkdown } from '../config/markdown-reference.js';

// Usage: node dist/scripts/write-config-docs.js <output.md>
// (the package script `docs:config` passes the repository's docs/configuration.md).
const target = process.argv[2];
if (target === undefined) {
  process.stderr.write('usage: write-config-docs <output.md>\n');
  process.exitCode = 2;
} else {
  await writeFile(resolve(target), configReferenceMarkdown());
  process.stderr.write(`wrote ${resolve(target)}\n`);
}
