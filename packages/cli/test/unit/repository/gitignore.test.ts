import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Whether git would ignore `path` in this checkout (by the repository's .gitignore rules). */
const ignored = async (path: string): Promise<boolean> =>
  (await execa('git', ['check-ignore', '--no-index', '-q', path], { cwd: root, reject: false }))
    .exitCode === 0;

describe('.gitignore', () => {
  it.each([
    '.env',
    '.env.local',
    '.env.staging',
    'packages/api/.env.production',
    '.env.development.local',
  ])('keeps %s out of git', async (path) => {
    expect(await ignored(path)).toBe(true);
  });

  it.each(['.env.example', 'packages/api/.env.example'])('lets the dummy %s in', async (path) => {
    expect(await ignored(path)).toBe(false);
  });
});
