import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { placeholders, plantedCredentials } from '../../support/planted-credentials.js';
import { makeTempDir } from '../../support/temp-dir.js';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

/** `pnpm secrets:scan`, the whole-tree scan of ./bin/test, run in `cwd`. */
const scan = (cwd: string) =>
  execa('pnpm', ['run', '--silent', 'secrets:scan'], { cwd, reject: false, all: true });

/**
 * A tree of this test's own with the root package.json (so the scan is the script itself),
 * the secretlint rules and ignore list and this checkout's node_modules, removed when the test
 * ends.
 */
async function scanTree(files: { name: string; content: string }[]): Promise<string> {
  const { path: dir, remove } = await makeTempDir('opsctl-scan-');
  onTestFinished(remove);
  for (const file of ['package.json', '.github/secretlintrc.json', '.github/secretlintignore']) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await cp(join(root, file), join(dir, file));
  }
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  await mkdir(join(dir, 'planted'));
  for (const { name, content } of files) await writeFile(join(dir, 'planted', name), content);
  return dir;
}

const families = Object.entries(await plantedCredentials());

describe('the whole-tree secret scan (pnpm secrets:scan)', () => {
  it.each(families)('finds a planted %s in every file, without printing it', async (_, files) => {
    const result = await scan(await scanTree(files));
    expect(result.exitCode, result.all).not.toBe(0);
    for (const { name, value } of files) {
      expect(result.all, name).toContain(join('planted', name));
      expect(result.all).not.toContain(value);
    }
  });

  it('lets the placeholders that docs use through', async () => {
    const result = await scan(await scanTree([{ name: 'example.md', content: placeholders }]));
    expect(result.exitCode, result.all).toBe(0);
  });

  it('finds nothing in this repository', async () => {
    const result = await scan(root);
    expect(result.exitCode, result.all).toBe(0);
  });
});
