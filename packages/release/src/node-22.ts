import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

/**
 * A Node 22 binary (the older LTS line opsctl supports), installed once from the npm registry's
 * `node` package into `cacheDir` and reused after.
 */
export async function node22(cacheDir: string): Promise<string> {
  const node = join(cacheDir, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node)) {
    await execa('npm', ['install', '--prefix', cacheDir, '--no-audit', '--no-fund', 'node@22'], {
      stderr: 'inherit',
    });
  }
  const { stdout } = await execa(node, ['--version']);
  if (!stdout.startsWith('v22.')) throw new Error(`${node} is ${stdout}, not Node 22`);
  return node;
}
