import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCommandContext } from '../../../../src/context/create-command-context.js';
import type { CommandContext } from '../../../../src/context/command-context.js';
import { RecordingExecutor } from '../../../../src/exec/recording-executor.js';
import { TextCapture } from '../../../support/text-capture.js';

export const SECRET_VALUE = 'sup3r-s3cret-token-value';
export const IMAGE = `registry.example.com:5000/team/api@sha256:${'a'.repeat(64)}`;
export const SHA = 'b'.repeat(40);
export const ACTIVE_JSON = JSON.stringify({
  slot: 'blue',
  sha: SHA,
  digest: `sha256:${'a'.repeat(64)}`,
  image: IMAGE,
  container: 'opsctl-api-blue',
  since: '2026-12-08T00:00:00.000Z',
});

/**
 * An opsctl.yaml with two static droplets (listed out of name order) and one droplet secret whose
 * value is in `.env.staging`, written into `dir`.
 */
export async function writeDayTwoConfig(dir: string): Promise<string> {
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
        - { name: web-2, host: 127.0.0.1, sshPort: 2 }
        - { name: web-1, host: 127.0.0.1, sshPort: 1 }
    ssh:
      key: keys/deploy
    secrets:
      - { name: API_TOKEN, targets: [droplets] }
`,
  );
  await writeFile(join(dir, '.env.staging'), `API_TOKEN=${SECRET_VALUE}\n`);
  return path;
}

export interface DayTwoFixture {
  readonly ctx: CommandContext;
  readonly stdout: TextCapture;
  readonly stderr: TextCapture;
  readonly droplets: Readonly<Record<'web-1' | 'web-2', RecordingExecutor>>;
  readonly abort: AbortController;
}

/** A context for `staging` whose droplets are recording executors (nothing is connected to). */
export function dayTwoContext(configPath: string, options: { json?: boolean } = {}): DayTwoFixture {
  const stdout = new TextCapture();
  const stderr = new TextCapture();
  const abort = new AbortController();
  const droplets = {
    'web-1': new RecordingExecutor('web-1'),
    'web-2': new RecordingExecutor('web-2'),
  };
  const ctx = createCommandContext({
    cwd: join(configPath, '..'),
    env: {},
    stdout,
    stderr,
    configPath,
    json: options.json ?? false,
    environmentArgument: 'staging',
    signal: abort.signal,
    executors: {
      createHostExecutor: (target) => {
        const found = droplets[target.name as 'web-1' | 'web-2'] as RecordingExecutor | undefined;
        if (found === undefined) throw new Error(`no droplet ${target.name}`);
        return found;
      },
    },
  });
  return { ctx, stdout, stderr, droplets, abort };
}
