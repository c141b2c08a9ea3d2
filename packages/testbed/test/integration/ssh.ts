import { join } from 'node:path';
import { execa, type Result } from 'execa';

/** OpenSSH into a local droplet as the deploy user, with strict host key checking. */
export function ssh(
  stateDir: string,
  port: number,
  script: string,
  knownHosts = join(stateDir, 'known_hosts'),
  input?: string,
): Promise<Result> {
  return execa(
    'ssh',
    [
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      `UserKnownHostsFile=${knownHosts}`,
      '-o',
      'ConnectTimeout=5',
      '-i',
      join(stateDir, 'deploy_key'),
      '-p',
      String(port),
      'deploy@127.0.0.1',
      script,
    ],
    { reject: false, ...(input === undefined ? {} : { input }) },
  );
}
