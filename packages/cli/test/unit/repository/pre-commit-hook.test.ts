import { randomBytes } from 'node:crypto';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.js';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const gitEnv = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/** A GitHub token of the real shape, made at run time so this file itself holds none. */
const plantedToken = (): string =>
  `ghp_${randomBytes(27)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 36)}`;

let repo: string;
let remove: () => Promise<void>;
const git = (...args: string[]) =>
  execa('git', args, { cwd: repo, env: gitEnv, reject: false, all: true });
const commits = async () => Number((await git('rev-list', '--count', 'HEAD')).stdout);

// A repository with this checkout's hook setup (lefthook.yml, the scan script, the secretlint
// rules and ignore list), installed the way the setup installs it.
beforeEach(async () => {
  ({ path: repo, remove } = await makeTempDir('opsctl-hook-'));
  await execa('git', ['init', '-q', repo]);
  for (const file of [
    'lefthook.yml',
    'bin/lib/scan-staged-secrets.sh',
    '.github/secretlintrc.json',
    '.github/secretlintignore',
  ]) {
    await mkdir(join(repo, file, '..'), { recursive: true });
    await cp(join(root, file), join(repo, file));
  }
  await symlink(join(root, 'node_modules'), join(repo, 'node_modules'));
  await writeFile(join(repo, '.gitignore'), 'node_modules\n');
  await git('add', '.');
  await git('commit', '-q', '--no-verify', '-m', 'setup');
  const install = await execa(join(root, 'node_modules/.bin/lefthook'), ['install'], {
    cwd: repo,
    reject: false,
    all: true,
  });
  expect(install.exitCode, install.all).toBe(0);
});
afterEach(async () => {
  await remove();
});

describe('the pre-commit hook', () => {
  it('refuses a commit that adds a key, without printing the key', async () => {
    const token = plantedToken();
    await writeFile(join(repo, 'config.txt'), `github_token: ${token}\n`);
    await git('add', 'config.txt');
    const before = await commits();
    const commit = await git('commit', '-m', 'add config');
    expect(commit.exitCode).not.toBe(0);
    expect(commit.all).toContain('secretlint found a secret in the staged files');
    expect(commit.all).toContain('config.txt');
    expect(commit.all).not.toContain(token);
    expect(await commits()).toBe(before);
  });

  it('scans what is staged, not the working tree', async () => {
    await writeFile(
      join(repo, 'notes.txt'),
      `aws_secret_access_key = ${randomBytes(30).toString('base64').slice(0, 40)}\n`,
    );
    await git('add', 'notes.txt');
    await writeFile(join(repo, 'notes.txt'), 'nothing to see\n');
    expect((await git('commit', '-m', 'notes')).exitCode).not.toBe(0);
  });

  it('lets clean files and the files CI also ignores through', async () => {
    await writeFile(join(repo, 'README.md'), '# nothing secret here\n');
    await mkdir(join(repo, 'packages/cli/test/unit/images'), { recursive: true });
    await writeFile(
      join(repo, 'packages/cli/test/unit/images/git-state.test.ts'),
      `// fake: ${plantedToken()}\n`,
    );
    await git('add', '.');
    const commit = await git('commit', '-m', 'docs');
    expect(commit.exitCode, commit.all).toBe(0);
    expect(await commits()).toBe(2);
  });
});
