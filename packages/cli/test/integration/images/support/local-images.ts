import { execa } from 'execa';

/** Removes every local image of a repository from this machine's Docker engine (clean-up). */
export async function removeLocalImages(repository: string): Promise<void> {
  const { stdout } = await execa('docker', [
    'image',
    'ls',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    repository,
  ]);
  const refs = stdout.split('\n').filter((line) => line.trim() !== '' && !line.endsWith(':<none>'));
  if (refs.length > 0)
    await execa('docker', ['image', 'rm', '--force', ...refs], { reject: false });
}
