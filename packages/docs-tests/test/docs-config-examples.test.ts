import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../src/markdown/code-blocks.js';
import { documents, readRepoFile, repoRoot } from './support/repo.js';

const run = promisify(execFile);

/** What `opsctl config validate --json` says about a configuration file's content. */
async function validate(content: string): Promise<{ status: number; problems: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-doc-config-'));
  try {
    const file = join(dir, 'opsctl.yaml');
    await writeFile(file, content);
    const cli = join(repoRoot, 'packages', 'cli', 'bin', 'run.js');
    const { stdout } = await run(
      process.execPath,
      [cli, 'config', 'validate', '--config', file, '--json'],
      { cwd: dir },
    ).catch((error: unknown) => error as { stdout: string });
    const envelope = JSON.parse(stdout) as {
      status: number;
      error?: { details?: { problems?: { path: string; message: string }[] } };
    };
    return {
      status: envelope.status,
      problems: (envelope.error?.details?.problems ?? []).map((p) => `${p.path}: ${p.message}`),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whole configuration files shown in documents (a YAML block with `project:` and `services:`). */
const examples = () =>
  documents().flatMap((path) =>
    codeBlocks(readRepoFile(path))
      .filter(
        (b) => b.lang === 'yaml' && /^project:/m.test(b.content) && /^services:/m.test(b.content),
      )
      .map((b) => ({ where: `${path}:${b.line}`, content: b.content })),
  );

describe('opsctl.yaml examples in the documentation', () => {
  it('are valid according to opsctl config validate', async () => {
    const found = examples();
    expect(found.map((e) => e.where.split(':')[0])).toContain('README.md');
    for (const example of found)
      expect(await validate(example.content), example.where).toEqual({ status: 0, problems: [] });
  });

  it('would be caught with a key the schema does not have', async () => {
    const [example] = examples();
    const broken = (example?.content ?? '').replace(
      '    port: 3000',
      '    port: 3000\n    replicas: 2',
    );
    const result = await validate(broken);
    expect(result.status).toBe(2);
    expect(result.problems.join('\n')).toContain('services.api.replicas: unknown key');
  });
});
