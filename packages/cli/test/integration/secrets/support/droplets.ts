import { execa } from 'execa';

export const DROPLET_CONTAINERS = ['opsctl-local-droplet-1', 'opsctl-local-droplet-2'] as const;

/** Runs a shell command inside a local droplet (as root), for looking at what opsctl left there. */
export async function onDroplet(
  container: string,
  script: string,
  ...args: string[]
): Promise<string> {
  const run = await execa('docker', ['exec', container, 'sh', '-c', script, 'sh', ...args], {
    stripFinalNewline: false,
  });
  return run.stdout;
}
