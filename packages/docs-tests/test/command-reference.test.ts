import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest, sortedCommands } from '../src/manifest/load-manifest.js';
import {
  renderCommandReference,
  replaceBetweenMarkers,
} from '../src/reference/command-reference.js';
import { expectedReferenceFiles } from '../src/reference/reference-files.js';
import { manifest } from './support/manifest.js';
import { repoRoot } from './support/repo.js';

describe('the command reference', () => {
  it('docs/commands.md and the README command table match the CLI as built (regenerate: pnpm --filter @opsctl/docs-tests docs:commands)', () => {
    for (const file of expectedReferenceFiles(repoRoot, manifest)) {
      expect(readFileSync(file.path, 'utf8'), file.path).toBe(file.content);
    }
  });

  it('lists every command with its flags, their environment variables and the --no- form where there is one', () => {
    const text = renderCommandReference(manifest);
    for (const command of sortedCommands(manifest)) {
      expect(text).toContain(`## \`opsctl ${command.id.replaceAll(':', ' ')}\``);
    }
    // The local environment's commands come from its plugin, which this checkout runs with.
    expect(text).toContain('## `opsctl local up`');
    // oclif documents its own `plugins` commands; the reference covers opsctl's.
    expect(text).not.toContain('## `opsctl plugins');
    expect(text).toContain('| `--[no-]auto-rollback` |  | `OPSCTL_AUTO_ROLLBACK` |');
    expect(text).toContain('| `-o, --output <value>` |');
  });

  it('changes when the CLI gains a flag, so a stale reference fails the test above', () => {
    const deploy = manifest.commands.deploy;
    expect(deploy).toBeDefined();
    const grown = parseManifest(
      {
        ...manifest,
        commands: {
          ...manifest.commands,
          deploy: {
            ...deploy,
            flags: { ...deploy?.flags, canary: { name: 'canary', type: 'boolean' } },
          },
        },
      },
      'grown manifest',
    );
    expect(renderCommandReference(grown)).not.toBe(renderCommandReference(manifest));
    expect(renderCommandReference(grown)).toContain('`--canary`');
  });

  it('replaces only what stands between the markers, and refuses a file without them', () => {
    expect(replaceBetweenMarkers('a\n<!-- x:start -->\nold\n<!-- x:end -->\nb', 'x', 'new')).toBe(
      'a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb',
    );
    expect(() => replaceBetweenMarkers('no markers', 'x', 'new')).toThrow(
      'markers <!-- x:start --> … <!-- x:end --> not found',
    );
  });
});
