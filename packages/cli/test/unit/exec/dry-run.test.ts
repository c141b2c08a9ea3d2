import { describe, expect, it } from 'vitest';
import { DryRunExecutor } from '../../../src/exec/dry-run-executor.js';
import { DryRunPlan } from '../../../src/exec/dry-run-plan.js';
import { formatPlan } from '../../../src/exec/format-plan.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { command } from '../../../src/exec/remote-command.js';
import { Secret } from '../../../src/secrets/secret.js';

describe('dry runs', () => {
  it('record the exact shell lines per host, secrets redacted, and report success', async () => {
    const plan = new DryRunPlan();
    const one = new DryRunExecutor('droplet-1 (deploy@10.0.0.1:22)', plan);
    const two = new DryRunExecutor('droplet-2 (deploy@10.0.0.2:22)', plan);
    const result = await one.run(
      command(['docker', 'pull', 'reg/api:abc'], { description: 'pull the image' }),
    );
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    await two.run(
      command(['docker', 'login', '--password-stdin', 'reg'], { stdin: new Secret('pw-value') }),
    );
    await one.run(
      command(['tee', '/etc/x.conf'], { stdin: 'upstream a { server 127.0.0.1:3001; }\n' }),
    );
    expect(plan.entries()).toEqual([
      {
        target: 'droplet-1 (deploy@10.0.0.1:22)',
        line: 'docker pull reg/api:abc',
        description: 'pull the image',
      },
      {
        target: 'droplet-2 (deploy@10.0.0.2:22)',
        line: 'docker login --password-stdin reg',
        stdin: '[redacted]',
      },
      {
        target: 'droplet-1 (deploy@10.0.0.1:22)',
        line: 'tee /etc/x.conf',
        stdin: 'upstream a { server 127.0.0.1:3001; }\n',
      },
    ]);
    expect(formatPlan(plan.entries())).toBe(
      [
        'Plan for droplet-1 (deploy@10.0.0.1:22):',
        '  # pull the image',
        '  $ docker pull reg/api:abc',
        '  $ tee /etc/x.conf',
        '    with stdin:',
        '    | upstream a { server 127.0.0.1:3001; }',
        '',
        'Plan for droplet-2 (deploy@10.0.0.2:22):',
        '  $ docker login --password-stdin reg',
        '    with stdin:',
        '    | [redacted]',
        '',
        '3 commands on 2 hosts. Nothing was changed (dry run).',
        '',
      ].join('\n'),
    );
  });

  it('still run read-only commands for real so the plan reflects the host', async () => {
    const plan = new DryRunPlan();
    const real = new RecordingExecutor().on(['docker', 'ps'], { stdout: 'api-blue\n' });
    const dry = new DryRunExecutor('droplet-1', plan, real);
    expect((await dry.run(command(['docker', 'ps'], { readOnly: true }))).stdout).toBe(
      'api-blue\n',
    );
    await dry.run(command(['docker', 'stop', 'api-blue']));
    expect(real.lines()).toEqual(['docker ps']);
    expect(plan.entries().map((entry) => entry.line)).toEqual(['docker stop api-blue']);
  });

  it('say so when nothing would run', () => {
    expect(formatPlan([])).toBe('No commands would run. Nothing was changed (dry run).\n');
  });
});
