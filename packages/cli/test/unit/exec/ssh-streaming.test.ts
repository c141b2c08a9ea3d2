import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/exec/remote-command.js';
import { SshExecutor } from '../../../src/exec/ssh-executor.js';
import { startSshd, type TestSshd } from '../../support/sshd.js';
import { waitFor } from '../../support/wait-for.js';

// A real OpenSSH server on 127.0.0.1, started and stopped by this file.
let sshd: TestSshd;
let ssh: SshExecutor;

beforeAll(async () => {
  sshd = await startSshd();
  ssh = new SshExecutor({
    name: 'droplet-test',
    host: '127.0.0.1',
    port: sshd.port,
    user: sshd.user,
    privateKeyPath: sshd.clientKeyPath,
    knownHostsPath: sshd.knownHostsPath,
  });
});

afterAll(async () => {
  await ssh.close();
  await sshd.stop();
});

describe('streamed output over SSH', () => {
  it('hands output over while the command still runs, and keeps none of it in the result', async () => {
    const gate = join(sshd.dir, 'stream-gate');
    const seen: string[] = [];
    // The command waits for a file the test writes only after the first line arrived: collected
    // output would never arrive in time, and the test would time out.
    const running = ssh.run(
      command([
        'sh',
        '-c',
        'echo first; printf "é" >&2; while [ ! -f "$0" ]; do sleep 0.05; done; echo second',
        gate,
      ]),
      { onOutput: (stream, chunk) => seen.push(`${stream}:${chunk}`) },
    );
    await waitFor('the first line', () => Promise.resolve(seen.includes('stdout:first\n')));
    await writeFile(gate, '');
    const result = await running;
    // The two streams are each in order; how they interleave is up to the connection.
    expect(seen.filter((s) => s.startsWith('stdout:'))).toEqual([
      'stdout:first\n',
      'stdout:second\n',
    ]);
    expect(seen.filter((s) => s.startsWith('stderr:'))).toEqual(['stderr:é']);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'é' });
  });

  it('still names the last stderr lines when a streamed command fails', async () => {
    await expect(
      ssh.run(command(['sh', '-c', 'echo no such container >&2; exit 3']), {
        onOutput: () => undefined,
      }),
    ).rejects.toThrow(/exit code 3:\nno such container/);
  });

  it('attaches a terminal: the command sees one, gets the keystrokes and draws on it', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
    });
    const running = ssh.run(
      command(['sh', '-c', 'test -t 0 && test -t 1 && echo is-a-tty; read line; echo "got-$line"']),
      { terminal: { input, output, rows: 24, columns: 80, term: 'xterm' } },
    );
    await waitFor('the command to start', () => Promise.resolve(screen.includes('is-a-tty')));
    input.write('abc\r');
    const result = await running;
    expect(result.exitCode).toBe(0);
    expect(screen).toContain('got-abc');
    // Detached afterwards: nothing more is read from the terminal.
    expect(input.listenerCount('data')).toBe(0);
  });
});
