import { mkdtemp } from 'node:fs/promises';
import { run } from '../child-process.js';
import { repoRoot } from './repo-paths.js';

/**
 * Copies the working tree to a temporary directory to build from, so a test can plant files
 * (sentinel secrets, a source edit) without touching the real checkout. Dependencies, build
 * output and version control stay behind; the test adds its own where it needs them.
 */
export async function copyBuildContext(): Promise<string> {
  const dir = await mkdtemp('/tmp/opsctl-api-context-');
  await run('rsync', [
    '-a',
    '--exclude=node_modules',
    '--exclude=.git',
    '--exclude=.tools',
    '--exclude=.opsctl',
    '--exclude=.turbo',
    '--exclude=dist',
    '--exclude=coverage',
    '--include=.env.example',
    '--exclude=.env*',
    `${repoRoot}/`,
    `${dir}/`,
  ]);
  return dir;
}
