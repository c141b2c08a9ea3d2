import { randomBytes } from 'node:crypto';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isolatedGitEnv } from '../../support/git-env.js';
import { plantedCredentials } from '../../support/planted-credentials.js';
import { makeTempDir } from '../../support/temp-dir.js';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
// The hook runs exactly this checkout's lefthook, whatever else PATH offers, and nothing from
// the caller's environment or git configuration decides whether it runs.
const gitEnv = isolatedGitEnv({ LEFTHOOK_BIN: join(root, 'node_modules/.bin/lefthook') });

/** Word characters only, so the value never ends in `+` or `/`. */
const randomWord = (length: number): string =>
  randomBytes(length)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, length);

/** A GitHub token of the real shape, made at run time so this file itself holds none. */
const plantedToken = (): string => `ghp_${randomWord(36)}`;

/**
 * An AWS secret access key of the real shape (40 characters). secretlint's rule ends its pattern
 * with `\b`, so a value ending in `+` or `/` (1 in 32 of random base64) would not be flagged.
 */
const plantedAwsKey = (): string => randomWord(40);

/**
 * A repository of this test's own with this checkout's hook setup (lefthook.yml, the scan script,
 * the secretlint rules and ignore list), installed the way the setup installs it, and removed
 * when the test ends. Each test holds its own: nothing a slow or timed-out test still runs can
 * reach the next test's repository.
 */
async function hookRepo() {
  const { path: dir, remove } = await makeTempDir('opsctl-hook-');
  onTestFinished(remove);
  const git = (...args: string[]) =>
    execa('git', args, { cwd: dir, env: gitEnv, extendEnv: false, reject: false, all: true });
  expect((await git('init', '-q', '.')).exitCode).toBe(0);
  for (const file of [
    'lefthook.yml',
    'bin/lib/scan-staged-secrets.sh',
    '.github/secretlintrc.json',
    '.github/secretlintignore',
  ]) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await cp(join(root, file), join(dir, file));
  }
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  await writeFile(join(dir, '.gitignore'), 'node_modules\n');
  await git('add', '.');
  const setup = await git('commit', '-q', '--no-verify', '-m', 'setup');
  expect(setup.exitCode, setup.all).toBe(0);
  const install = await execa(join(root, 'node_modules/.bin/lefthook'), ['install'], {
    cwd: dir,
    env: gitEnv,
    extendEnv: false,
    reject: false,
    all: true,
  });
  expect(install.exitCode, install.all).toBe(0);
  return {
    dir,
    git,
    commits: async () => Number((await git('rev-list', '--count', 'HEAD')).stdout),
  };
}

const families = Object.entries(await plantedCredentials());

describe('the pre-commit hook', () => {
  // One family a test: every planted file must be named in the refusal, so a rule that misses
  // one shape fails here even when another file of the family was caught.
  it.each(families)(
    'refuses a staged %s, naming each file, without printing it',
    async (_, files) => {
      const { dir, git, commits } = await hookRepo();
      for (const { name, content } of files) await writeFile(join(dir, name), content);
      await git('add', '.');
      const commit = await git('commit', '-m', 'add credentials');
      expect(commit.exitCode, commit.all).not.toBe(0);
      expect(commit.all).toContain('secretlint found a secret in the staged files');
      for (const { name, value } of files) {
        expect(commit.all, name).toContain(name);
        expect(commit.all).not.toContain(value);
      }
      expect(await commits()).toBe(1);
    },
  );

  it('refuses a commit that adds a key, without printing the key', async () => {
    const { dir, git, commits } = await hookRepo();
    const token = plantedToken();
    await writeFile(join(dir, 'config.txt'), `github_token: ${token}\n`);
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
    const { dir, git, commits } = await hookRepo();
    await writeFile(join(dir, 'notes.txt'), `aws_secret_access_key = ${plantedAwsKey()}\n`);
    await git('add', 'notes.txt');
    await writeFile(join(dir, 'notes.txt'), 'nothing to see\n');
    const commit = await git('commit', '-m', 'notes');
    expect(commit.exitCode, commit.all).not.toBe(0);
    expect(commit.all).toContain('secretlint found a secret in the staged files');
    expect(await commits()).toBe(1);
  });

  it('lets clean files and the files CI also ignores through', async () => {
    const { dir, git, commits } = await hookRepo();
    await writeFile(join(dir, 'README.md'), '# nothing secret here\n');
    await mkdir(join(dir, 'packages/cli/test/unit/images'), { recursive: true });
    await writeFile(
      join(dir, 'packages/cli/test/unit/images/git-state.test.ts'),
      `// fake: ${plantedToken()}\n`,
    );
    await git('add', '.');
    const commit = await git('commit', '-m', 'docs');
    expect(commit.exitCode, commit.all).toBe(0);
    expect(await commits()).toBe(2);
  });
});
