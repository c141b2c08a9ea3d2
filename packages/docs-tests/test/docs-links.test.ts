import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors, relativeLinks } from '../src/markdown/links.js';
import { documents, readRepoFile, repoRoot } from './support/repo.js';

describe('links between documents', () => {
  it('every relative link points at a file that exists, and every anchor at a heading there', () => {
    const problems: string[] = [];
    for (const path of documents()) {
      for (const link of relativeLinks(readRepoFile(path))) {
        const target = link.target === '' ? path : join(dirname(path), link.target);
        if (!existsSync(join(repoRoot, target))) {
          problems.push(`${path}:${link.line}: ${link.target} does not exist`);
          continue;
        }
        if (
          link.anchor === undefined ||
          !target.endsWith('.md') ||
          statSync(join(repoRoot, target)).isDirectory()
        )
          continue;
        if (!headingAnchors(readRepoFile(target)).has(link.anchor)) {
          problems.push(`${path}:${link.line}: ${target} has no heading #${link.anchor}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('anchors follow GitHub: lower case, punctuation dropped, spaces as dashes, repeats numbered', () => {
    const anchors = headingAnchors(
      '# Runbook\n## CI/CD pipeline flow\n## `opsctl build`\n## Deployment flow: blue-green\n## Notes\n## Notes\n```\n# not a heading\n```',
    );
    expect([...anchors]).toEqual([
      'runbook',
      'cicd-pipeline-flow',
      'opsctl-build',
      'deployment-flow-blue-green',
      'notes',
      'notes-1',
    ]);
  });

  it('finds links with anchors and in-page links, and leaves web links and code alone', () => {
    const links = relativeLinks(
      'See [a](docs/a.md#x), [b](#y), [c](https://example.com/z.md) and `[d](nope.md)`.',
    );
    expect(links).toEqual([
      { target: 'docs/a.md', anchor: 'x', line: 1 },
      { target: '', anchor: 'y', line: 1 },
    ]);
  });
});
