import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../../src/exec/local-executor.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { readGitState } from '../../../src/images/git-state.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { git, initRepo } from './support/git-repo.js';

let dir: { path: string; remove: () => Promise<void> };
const local = new LocalExecutor();

beforeEach(async () => {
  dir = await makeTempDir('opsctl-git-');
  await writeFile(join(dir.path, 'app.txt'), 'one\n');
  await writeFile(join(dir.path, '.gitignore'), '.env.*\n');
});
afterEach(async () => {
  await dir.remove();
});

describe('reading the commit a build is made from (real git repository)', () => {
  it('reads the full SHA and branch of a clean checkout', async () => {
    const sha = await initRepo(dir.path);
    const state = await readGitState(local, dir.path, {});
    expect(state).toMatchObject({
      sha,
      dirty: false,
      branch: 'main',
      version: undefined,
      sourceUrl: undefined,
    });
  });

  it('counts modified and untracked files as dirty, but not ignored ones', async () => {
    await initRepo(dir.path);
    await writeFile(join(dir.path, '.env.local'), 'SECRET=x\n');
    expect((await readGitState(local, dir.path, {})).dirty).toBe(false);
    await writeFile(join(dir.path, 'new.txt'), 'untracked\n');
    const state = await readGitState(local, dir.path, {});
    expect(state.dirty).toBe(true);
    expect(state.changes).toEqual(['?? new.txt']);
  });

  it('takes the highest semantic version among the tags on HEAD only', async () => {
    await initRepo(dir.path);
    await git(dir.path, 'tag', 'v0.9.0');
    await writeFile(join(dir.path, 'app.txt'), 'two\n');
    await git(dir.path, 'commit', '--quiet', '-am', 'second');
    await git(dir.path, 'tag', 'v1.0.0-rc.1');
    await git(dir.path, 'tag', 'v1.0.0');
    await git(dir.path, 'tag', 'not-a-version');
    expect((await readGitState(local, dir.path, {})).version?.text).toBe('1.0.0');
  });

  it('names the branch from CI variables on a detached checkout', async () => {
    const sha = await initRepo(dir.path);
    await git(dir.path, 'checkout', '--quiet', '--detach', sha);
    expect((await readGitState(local, dir.path, {})).branch).toBeUndefined();
    const pr = await readGitState(local, dir.path, {
      GITHUB_HEAD_REF: 'feature/x',
      GITHUB_REF_NAME: '12/merge',
    });
    expect(pr.branch).toBe('feature/x');
    const push = await readGitState(local, dir.path, {
      GITHUB_REF_TYPE: 'branch',
      GITHUB_REF_NAME: 'main',
    });
    expect(push.branch).toBe('main');
    const tag = await readGitState(local, dir.path, {
      GITHUB_REF_TYPE: 'tag',
      GITHUB_REF_NAME: 'v1.0.0',
    });
    expect(tag.branch).toBeUndefined();
  });

  it('records the origin without the credentials a CI checkout puts in it', async () => {
    await initRepo(dir.path);
    await git(
      dir.path,
      'remote',
      'add',
      'origin',
      'https://x-access-token:ghs_abc@github.com/acme/shop.git',
    );
    expect((await readGitState(local, dir.path, {})).sourceUrl).toBe(
      'https://github.com/acme/shop.git',
    );
  });

  it('refuses a directory that is not a git repository, naming it', async () => {
    const error = await readGitState(local, dir.path, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpsctlError);
    expect(error).toMatchObject({ code: 'GIT_HEAD_UNKNOWN', exitCode: 2 });
    expect((error as Error).message).toContain(dir.path);
  });
});
