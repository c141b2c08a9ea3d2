import { describe, expect, it } from 'vitest';
import { checkInvocation } from '../src/invocation/check-invocation.js';
import { documentedInvocations } from '../src/invocation/documented-invocations.js';
import { manifest } from './support/manifest.js';
import { documents, readRepoFile } from './support/repo.js';

describe('opsctl commands shown in the documentation', () => {
  const shown = documents().flatMap((path) =>
    documentedInvocations(readRepoFile(path)).map((i) => ({ ...i, path })),
  );

  it('are found in the README, the runbooks and the other documents', () => {
    const paths = new Set(shown.map((s) => s.path));
    for (const path of [
      'README.md',
      'docs/runbooks/deployment.md',
      'docs/runbooks/rollback.md',
      'docs/runbooks/disaster-recovery.md',
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(shown.length).toBeGreaterThan(40);
  });

  it('every one parses against the CLI: the command exists, and so does every flag', () => {
    const problems = shown.flatMap((s) => {
      const result = checkInvocation(manifest, s.argv);
      return result.ok ? [] : result.problems.map((p) => `${s.path}:${s.line}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('the README starts with the two commands a fresh machine needs', () => {
    const readme = readRepoFile('README.md').split('\n');
    expect(readme[0]).toBe('# opsctl');
    const fence = readme.findIndex((line) => line.startsWith('```'));
    expect(fence, 'the first code block comes before any section').toBeLessThan(
      readme.findIndex((l) => l.startsWith('## ')),
    );
    const commands = readme.slice(fence + 1, fence + 3).map((l) => l.split('#')[0]?.trim());
    expect(commands).toEqual(['./bin/opsctl deploy local', './bin/test']);
  });
});

describe('finding commands in a document', () => {
  it('reads shell blocks, console prompts and inline code, and skips other languages and placeholders', () => {
    const markdown = [
      'Run `opsctl status staging` first.',
      '```console',
      '$ opsctl deploy staging --sha abc1234',
      '```',
      '```yaml',
      'run: opsctl nonsense',
      '```',
      'Help: `opsctl <command> --help`.',
    ].join('\n');
    expect(documentedInvocations(markdown).map((i) => [i.line, i.argv.join(' ')])).toEqual([
      [1, 'status staging'],
      [3, 'deploy staging --sha abc1234'],
    ]);
  });
});
