import { copyFile, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { makeTempDir } from '../../../support/temp-dir.js';
import { cliBin, repoRoot, stateDir } from '../../support/paths.js';

export interface TempProject {
  readonly dir: string;
  /** Runs the built CLI with `--config` pointing at this project, as a user would. */
  run(
    args: readonly string[],
    env?: Record<string, string>,
    input?: string,
  ): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

/**
 * An opsctl.yaml in a temp directory that uses the running local environment (its droplets,
 * registry, load balancer and keys, by absolute path) with its own services and secrets, and a
 * `.env.local` that starts as a copy of the checkout's plus `extraEnv` lines.
 */
export async function tempProject(servicesAndSecrets: string, extraEnv = ''): Promise<TempProject> {
  const { path: dir, remove } = await makeTempDir('opsctl-secrets-it-');
  await writeFile(
    join(dir, 'opsctl.yaml'),
    `project: opsctl
registry:
  url: registry.opsctl.local:5443/opsctl-local
${servicesAndSecrets.replaceAll('{root}', repoRoot)}
`.replace(
      'LOCAL_ENVIRONMENT',
      `droplets:
      static:
        - { name: droplet-1, host: 127.0.0.1, sshPort: 2221 }
        - { name: droplet-2, host: 127.0.0.1, sshPort: 2222 }
    registry:
      url: registry.opsctl.local:5443/opsctl-local
      username: opsctl
      passwordEnv: OPSCTL_REGISTRY_PASSWORD
      caFile: ${stateDir}/pki/ca.crt
    ssh:
      user: deploy
      key: ${stateDir}/deploy_key
      knownHosts: ${stateDir}/known_hosts
    loadBalancer:
      url: http://127.0.0.1:8080
    deploy:
      healthTimeout: 20s
      healthInterval: 250ms
      drainTimeout: 2s
      lockTtl: 5m
      smoke: { paths: [/health], versionPath: /version }
    envFile: /etc/opsctl/env/{service}.env`,
    ),
  );
  await copyFile(join(repoRoot, '.env.local'), join(dir, '.env.local'));
  if (extraEnv !== '') await appendFile(join(dir, '.env.local'), extraEnv);
  return {
    dir,
    async run(args, env = {}, input) {
      const r = await execa('node', [cliBin, ...args, '--config', join(dir, 'opsctl.yaml')], {
        cwd: dir,
        reject: false,
        // The local environment's state stays in the checkout; CI=true keeps progress to plain lines.
        env: { CI: 'true', OPSCTL_STATE_DIR: stateDir, ...env },
        ...(input === undefined ? {} : { input }),
      });
      return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
    remove,
  };
}
