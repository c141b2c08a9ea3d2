import { execa } from 'execa';

/**
 * Removes every local image of a repository from this machine's Docker engine (clean-up),
 * including untagged ones a rebuild left behind (`<repository>:<none>`, known by digest).
 */
export async function removeLocalImages(repository: string): Promise<void> {
  const { stdout } = await execa('docker', ['image', 'ls', '--quiet', '--no-trunc', repository]);
  const ids = [...new Set(stdout.split('\n').filter((line) => line.trim() !== ''))];
  if (ids.length > 0) await execa('docker', ['image', 'rm', '--force', ...ids]);
}
