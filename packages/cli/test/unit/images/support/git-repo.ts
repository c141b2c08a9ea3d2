import { execa } from 'execa';
import { isolatedGitEnv } from '../../../support/git-env.js';

/** Runs git in `dir` with a fixed identity and nothing from the caller's git setup. */
export async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await execa('git', args, {
    cwd: dir,
    env: isolatedGitEnv(),
    extendEnv: false,
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
