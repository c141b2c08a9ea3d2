import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CliManifest } from '../manifest/cli-manifest.js';
import {
  renderCommandIndex,
  renderCommandReference,
  replaceBetweenMarkers,
} from './command-reference.js';

/** The generated files and what they must contain for this manifest. */
export function expectedReferenceFiles(
  repoRoot: string,
  manifest: CliManifest,
): { path: string; content: string }[] {
  const readme = join(repoRoot, 'README.md');
  return [
    { path: join(repoRoot, 'docs', 'commands.md'), content: renderCommandReference(manifest) },
    {
      path: readme,
      content: replaceBetweenMarkers(
        readFileSync(readme, 'utf8'),
        'commands',
        renderCommandIndex(manifest, 'docs/commands.md'),
      ),
    },
  ];
}
