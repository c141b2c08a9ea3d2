import { execa } from 'execa';

/** Runs git in `dir` with a fixed identity, as a test's real repository needs. */
export async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await execa('git', args, {
    cwd: dir,
    env: {
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
  return stdout.trim();
}

/** `git init` on branch main with one commit of everything in `dir`. */
export async function initRepo(dir: string): Promise<string> {
  await git(dir, 'init', '--quiet', '--initial-branch', 'main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '--quiet', '-m', 'first');
  return git(dir, 'rev-parse', 'HEAD');
}
