import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createCommandContext } from '../../../../src/context/create-command-context.js';
import type { CommandContext } from '../../../../src/context/command-context.js';
import type { HolderRecord } from '../../../../src/droplet/lock/holder-record.js';
import { TextCapture } from '../../../support/text-capture.js';
import { TempDroplet } from './temp-droplet.js';

export const LOCK_DIR = '/var/lib/opsctl/locks/staging';
export const HOLDER = `${LOCK_DIR}/holder.json`;
export const TTL = 60_000;

/**
 * An opsctl.yaml with two static droplets and a one-minute lock TTL, written into `dir`. The
 * droplets are closed loopback ports: a test that reached real SSH by mistake fails at once.
 */
export async function writeLockConfig(dir: string): Promise<string> {
  const path = join(dir, 'opsctl.yaml');
  await writeFile(
    path,
    `project: shop
registry:
  url: registry.example.com:5000/team
services:
  api:
    dockerfile: docker/api/Dockerfile
environments:
  staging:
    droplets:
      static:
        - { name: droplet-2, host: 127.0.0.1, sshPort: 2 }
        - { name: droplet-1, host: 127.0.0.1, sshPort: 1 }
    ssh:
      key: keys/deploy
    deploy:
      lockTtl: 1m
  production:
    droplets:
      static:
        - { name: prod-1, host: 127.0.0.1, sshPort: 3 }
    ssh:
      key: keys/deploy
`,
  );
  return path;
}

export interface LockFixture {
  readonly ctx: CommandContext;
  readonly stdout: TextCapture;
}

/** A command context for `staging` whose droplets are the given temp droplets, found by name. */
export function lockContext(
  configPath: string,
  droplets: readonly TempDroplet[],
  options: { dryRun?: boolean; env?: string } = {},
): LockFixture {
  const stdout = new TextCapture();
  const ctx = createCommandContext({
    cwd: dirname(configPath),
    env: {},
    stdout,
    stderr: new TextCapture(),
    configPath,
    environmentArgument: options.env ?? 'staging',
    dryRun: options.dryRun ?? false,
    executors: {
      createHostExecutor: (target) => {
        const d = droplets.find((x) => x.name === target.name);
        if (d === undefined) throw new Error(`no temp droplet ${target.name}`);
        return d;
      },
    },
  });
  return { ctx, stdout };
}

export const holderRecord = (renewedAt: string, token = 'other-token'): string =>
  JSON.stringify({
    token,
    holder: 'bob',
    host: 'ci-runner-7',
    pid: 4242,
    kind: 'deploy',
    environment: 'staging',
    sha: 'abcdef123456',
    ciRunUrl: 'https://github.com/acme/shop/actions/runs/99',
    droplets: ['droplet-1', 'droplet-2'],
    acquiredAt: renewedAt,
    renewedAt,
  } satisfies HolderRecord);

export const live = (token?: string): string => holderRecord(new Date().toISOString(), token);
export const stale = (token?: string): string =>
  holderRecord(new Date(Date.now() - 2 * TTL).toISOString(), token);

export async function plant(d: TempDroplet, record: string): Promise<void> {
  await mkdir(dirname(d.path(HOLDER)), { recursive: true });
  await writeFile(d.path(HOLDER), record);
}

/** The holder file's exact bytes on a droplet, or undefined when the lock is free. */
export const holderFile = (d: TempDroplet): Promise<string | undefined> =>
  readFile(d.path(HOLDER), 'utf8').catch(() => undefined);
