import { describe, expect, it } from 'vitest';
import { pullRelease } from '../../../src/deploy/host-prepare.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { Secret } from '../../../src/secrets/secret.js';
import { settings, target } from './support/scripted-droplet.js';

const USERNAME = 'registry-token-as-user-name-7f3a';
const PASSWORD = 'registry-token-as-password-9c1e';
const login = { server: 'registry.test', username: USERNAME, password: new Secret(PASSWORD) };

function missingImage(pull: { exitCode: number } = { exitCode: 0 }): RecordingExecutor {
  return new RecordingExecutor('droplet-1')
    .on(['docker', 'image', 'inspect'], { exitCode: 1 })
    .on(['docker', '--config'], pull);
}

const runWith = (exec: RecordingExecutor) =>
  pullRelease(
    {
      exec,
      settings: { ...settings, registryLogin: login },
      report: () => undefined,
      signal: undefined,
    },
    target,
  );

describe('a pull with registry credentials', () => {
  it('puts them on stdin into a config folder of its own, pulls with it and removes it', async () => {
    const exec = missingImage();
    await runWith(exec);
    const argvs = exec.calls.map((c) => c.command.argv.map(String));
    const dir = argvs[1]?.[3] ?? '';
    expect(dir).toMatch(/^\/tmp\/opsctl-pull-[0-9a-f]{16}$/);
    expect(argvs.slice(1).map((a) => a.filter((w) => !w.startsWith('set -e')))).toEqual([
      ['mkdir', '-m', '700', dir],
      ['sh', '-c', 'sh', `${dir}/config.json`, '600'],
      ['docker', '--config', dir, 'pull', '--quiet', target.image],
      ['rm', '-rf', '--', dir],
    ]);
    const stdin = exec.calls[2]?.command.stdin;
    const config = JSON.parse(stdin instanceof Secret ? stdin.reveal() : String(stdin)) as {
      auths: Record<string, { auth: string }>;
    };
    expect(Buffer.from(config.auths['registry.test']?.auth ?? '', 'base64').toString()).toBe(
      `${USERNAME}:${PASSWORD}`,
    );
    // Neither half of the credentials is in any argv, so neither shows in the process list.
    for (const argv of argvs) {
      expect(argv.join(' ')).not.toContain(USERNAME);
      expect(argv.join(' ')).not.toContain(PASSWORD);
    }
  });

  it('removes the config folder when the pull fails', async () => {
    const exec = missingImage({ exitCode: 1 });
    await expect(runWith(exec)).rejects.toThrow();
    const last = exec.calls.at(-1)?.command.argv.map(String);
    expect(last?.slice(0, 3)).toEqual(['rm', '-rf', '--']);
  });

  it('does nothing with credentials when the image is already there', async () => {
    const exec = new RecordingExecutor('droplet-1');
    await runWith(exec);
    expect(exec.calls.map((c) => c.command.argv[0])).toEqual(['docker']);
  });
});
