import { describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { command } from '../../../src/exec/remote-command.js';
import { Secret } from '../../../src/secrets/secret.js';

describe('RecordingExecutor', () => {
  it('answers by argv prefix, first matching rule first, and records every call', async () => {
    const executor = new RecordingExecutor('droplet-1')
      .on(['docker', 'inspect'], { stdout: 'first' }, { times: 1 })
      .on(['docker', 'inspect'], { stdout: 'later' })
      .on(['docker'], (cmd) => ({ stdout: `generic ${cmd.argv.length}` }));
    expect((await executor.run(command(['docker', 'inspect', 'a']))).stdout).toBe('first');
    expect((await executor.run(command(['docker', 'inspect', 'b']))).stdout).toBe('later');
    expect((await executor.run(command(['docker', 'ps']))).stdout).toBe('generic 2');
    expect((await executor.run(command(['uptime']))).stdout).toBe('');
    expect(executor.lines()).toEqual([
      'docker inspect a',
      'docker inspect b',
      'docker ps',
      'uptime',
    ]);
  });

  it('fails scripted non-zero exits like a real executor, unless failure is allowed', async () => {
    const executor = new RecordingExecutor('droplet-1').on(['false'], {
      exitCode: 1,
      stderr: 'nope',
    });
    await expect(executor.run(command(['false']))).rejects.toBeInstanceOf(OpsctlError);
    expect(await executor.run(command(['false']), { allowFailure: true })).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'nope',
    });
  });

  it('matches secrets by value but records them redacted', async () => {
    const executor = new RecordingExecutor().on(['login', 'pw-1234'], { stdout: 'ok' });
    expect((await executor.run(command(['login', new Secret('pw-1234')]))).stdout).toBe('ok');
    expect(executor.lines()).toEqual(['login [redacted]']);
  });

  it('throws scripted errors and remembers being closed', async () => {
    const lost = new OpsctlError({
      code: 'SSH_CONNECTION_LOST',
      kind: 'external',
      message: 'gone',
    });
    const executor = new RecordingExecutor().on(['x'], lost);
    await expect(executor.run(command(['x']))).rejects.toBe(lost);
    await executor.close();
    expect(executor.closed).toBe(true);
  });
});
