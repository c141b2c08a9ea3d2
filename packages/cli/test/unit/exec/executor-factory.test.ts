import { describe, expect, it } from 'vitest';
import { DryRunExecutor } from '../../../src/exec/dry-run-executor.js';
import { createExecutorFactory } from '../../../src/exec/executor-factory.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { command } from '../../../src/exec/remote-command.js';
import type { SshTarget } from '../../../src/exec/ssh/ssh-target.js';
import { Redactor } from '../../../src/secrets/redactor.js';

const host = (name: string, port = 22): SshTarget => ({
  name,
  host: '10.0.0.1',
  port,
  user: 'deploy',
  privateKeyPath: '/k',
  knownHostsPath: '/kh',
});

describe('createExecutorFactory', () => {
  it('gives one executor per user@host:port and closes them all', async () => {
    const made: RecordingExecutor[] = [];
    const factory = createExecutorFactory({
      dryRun: false,
      redactor: new Redactor(),
      createHostExecutor: (target) => {
        const executor = new RecordingExecutor(target.name);
        made.push(executor);
        return executor;
      },
    });
    expect(factory.forHost(host('a'))).toBe(factory.forHost(host('a-again')));
    expect(factory.forHost(host('b', 2222))).not.toBe(factory.forHost(host('a')));
    await factory.closeAll();
    expect(made.map((executor) => executor.closed)).toEqual([true, true]);
  });

  it('records instead of running in dry-run mode, into one shared plan', async () => {
    const real = new RecordingExecutor();
    const factory = createExecutorFactory({
      dryRun: true,
      redactor: new Redactor(),
      createHostExecutor: () => real,
      createLocalExecutor: () => real,
    });
    const remote = factory.forHost(host('a'));
    expect(remote).toBeInstanceOf(DryRunExecutor);
    await remote.run(command(['docker', 'rm', 'x']));
    await factory.local().run(command(['docker', 'build', '.']));
    expect(real.calls).toEqual([]);
    expect(factory.plan.entries().map((entry) => `${entry.target}: ${entry.line}`)).toEqual([
      'a (deploy@10.0.0.1:22): docker rm x',
      'local: docker build .',
    ]);
  });
});
