import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/exec/remote-command.js';
import { SshExecutor } from '../../../src/exec/ssh-executor.js';
import type { SshTarget } from '../../../src/exec/ssh/ssh-target.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import { Secret } from '../../../src/secrets/secret.js';
import { rejection } from '../../support/rejection.js';
import { startSshd, type TestSshd } from '../../support/sshd.js';
import { waitForFile } from '../../support/wait-for.js';

// A real OpenSSH server on 127.0.0.1, started and stopped by this file.
let sshd: TestSshd;
const open: SshExecutor[] = [];

beforeAll(async () => {
  sshd = await startSshd();
});

afterAll(async () => {
  await Promise.all(open.map((executor) => executor.close()));
  await sshd.stop();
});

function target(overrides: Partial<SshTarget> = {}): SshTarget {
  return {
    name: 'droplet-test',
    host: '127.0.0.1',
    port: sshd.port,
    user: sshd.user,
    privateKeyPath: sshd.clientKeyPath,
    knownHostsPath: sshd.knownHostsPath,
    ...overrides,
  };
}

function executor(overrides: Partial<SshTarget> = {}, redactor?: Redactor): SshExecutor {
  const made = new SshExecutor(target(overrides), redactor ? { redactor } : {});
  open.push(made);
  return made;
}

/** The pid of the sshd process serving this executor's connection (the parent of each shell). */
async function sessionPid(ssh: SshExecutor): Promise<number> {
  const { stdout } = await ssh.run(command(['sh', '-c', 'echo $PPID']));
  return Number(stdout.trim());
}

/**
 * A command that runs for 30 s and writes its pid to a file, so the test can end it by pid
 * (OpenSSH ignores the kill signal for root logins, which these tests may use) and can tell
 * when it runs (`started`, instead of guessing a delay that a loaded machine may exceed).
 */
function longCommand(name: string) {
  const pidFile = join(sshd.dir, `${name}.pid`);
  return {
    command: command(['sh', '-c', 'echo $$ > "$0.tmp"; mv "$0.tmp" "$0"; exec sleep 30', pidFile], {
      description: name,
    }),
    started: () => waitForFile(pidFile),
    cleanUp: async () => {
      const pid = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone: the signal reached it.
        }
      }
    },
  };
}

describe('SshExecutor against a real sshd', () => {
  it('runs every command of one executor over a single connection, also in parallel', async () => {
    const ssh = executor();
    const first = await sessionPid(ssh);
    const parallel = await Promise.all([1, 2, 3, 4, 5].map(() => sessionPid(ssh)));
    expect(parallel).toEqual([first, first, first, first, first]);
    const other = executor();
    expect(await sessionPid(other)).not.toBe(first);
  });

  it('passes stdin through byte for byte', async () => {
    const ssh = executor();
    const input = `line one\nit's "quoted" $HOME \`cmd\` a=b\\n\ttab ünïcødé ✓ 日本\n\nlast without newline`;
    const { stdout } = await ssh.run(command(['cat'], { stdin: input }));
    expect(stdout).toBe(input);
  });

  it('keeps argv intact through the remote shell', async () => {
    const ssh = executor();
    const args = [
      "it's",
      '$HOME',
      'a b',
      '*',
      '"q"',
      'x=y',
      'new\nline',
      '',
      'ünï',
      ';rm -rf /tmp/x',
    ];
    const { stdout } = await ssh.run(command(['printf', '%s\\0', ...args]));
    expect(stdout.split('\0').slice(0, -1)).toEqual(args);
  });

  it('reveals a Secret only to the remote side and redacts it in errors', async () => {
    const redactor = new Redactor();
    const secret = new Secret('s3cr3t-value-xyz', 'TOKEN');
    redactor.add(secret);
    const ssh = executor({}, redactor);
    const { stdout } = await ssh.run(command(['printf', '%s', secret]));
    expect(stdout).toBe('s3cr3t-value-xyz');
    const error = await rejection(
      ssh.run(
        command(['sh', '-c', 'echo "bad $0" >&2; exit 3', secret], { description: 'use token' }),
      ),
    );
    expect(error.code).toBe('COMMAND_FAILED');
    expect(error.message).toContain('use token');
    expect(error.message).toContain('exit code 3');
    expect(error.message).not.toContain('s3cr3t-value-xyz');
    expect(error.message).toContain('bad [redacted]');
  });

  it('returns the exit code instead of throwing when failure is allowed', async () => {
    const result = await executor().run(command(['sh', '-c', 'echo out; echo err >&2; exit 7']), {
      allowFailure: true,
    });
    expect(result).toEqual({ exitCode: 7, stdout: 'out\n', stderr: 'err\n' });
  });

  it('refuses a host whose key is not in known_hosts, naming host and file', async () => {
    const empty = await sshd.writeKnownHosts('known_hosts_empty', '# nothing here\n');
    const error = await rejection(executor({ knownHostsPath: empty }).run(command(['true'])));
    expect(error.code).toBe('SSH_HOST_KEY_UNKNOWN');
    expect(error.message).toContain(`127.0.0.1:${sshd.port}`);
    expect(error.message).toContain(empty);
    expect(error.message).toMatch(/SHA256:[A-Za-z0-9+/]+/);
  });

  it('refuses a host that presents a different key than known_hosts lists', async () => {
    const otherKey = await sshd.makeKey('impostor_ed25519');
    const otherPublic = (await readFile(`${otherKey}.pub`, 'utf8'))
      .split(' ')
      .slice(0, 2)
      .join(' ');
    const wrong = await sshd.writeKnownHosts(
      'known_hosts_wrong',
      `[127.0.0.1]:${sshd.port} ${otherPublic}\n`,
    );
    const error = await rejection(executor({ knownHostsPath: wrong }).run(command(['true'])));
    expect(error.code).toBe('SSH_HOST_KEY_MISMATCH');
    expect(error.message).toContain(wrong);
    expect(error.hint).toContain('ssh-keygen -R');
  });

  it('does not accept a key listed for the host on another port', async () => {
    const otherPort = await sshd.writeKnownHosts(
      'known_hosts_port',
      `127.0.0.1 ${sshd.hostPublicKey}\n`,
    );
    const error = await rejection(executor({ knownHostsPath: otherPort }).run(command(['true'])));
    expect(error.code).toBe('SSH_HOST_KEY_UNKNOWN');
  });

  it('accepts hashed known_hosts entries written by ssh-keygen -H', async () => {
    const hashed = await sshd.writeKnownHosts(
      'known_hosts_hashed',
      `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey}\n`,
    );
    await execa('ssh-keygen', ['-q', '-H', '-f', hashed]);
    expect(await readFile(hashed, 'utf8')).toMatch(/^\|1\|/);
    const { stdout } = await executor({ knownHostsPath: hashed }).run(
      command(['echo', 'hashed ok']),
    );
    expect(stdout).toBe('hashed ok\n');
  });

  it('reports a key the server does not accept as an authentication failure', async () => {
    const stranger = await sshd.makeKey('stranger_ed25519');
    const error = await rejection(executor({ privateKeyPath: stranger }).run(command(['true'])));
    expect(error.code).toBe('SSH_AUTH_FAILED');
    expect(error.message).toContain(stranger);
  });

  it('reports a killed connection as SSH_CONNECTION_LOST and reconnects for the next command', async () => {
    const ssh = executor();
    const pid = await sessionPid(ssh);
    const long = longCommand('lost');
    const running = rejection(ssh.run(long.command));
    // Kill the server side of this connection while the command runs.
    await long.started();
    process.kill(pid, 'SIGKILL');
    const error = await running;
    await long.cleanUp();
    expect(error.code).toBe('SSH_CONNECTION_LOST');
    expect(error.kind).toBe('external');
    expect(error.message).toContain('droplet-test');
    const next = await sessionPid(ssh);
    expect(next).not.toBe(pid);
  });

  it('stops a command that outlives its timeout', async () => {
    const ssh = executor();
    await ssh.run(command(['true']));
    const long = longCommand('timeout');
    const error = await rejection(ssh.run(long.command, { timeoutMs: 300 }));
    await long.cleanUp();
    expect(error.code).toBe('COMMAND_TIMEOUT');
    expect(error.message).toContain('timeout');
  });

  it('stops a command when its abort signal fires', async () => {
    const ssh = executor();
    await ssh.run(command(['true']));
    const controller = new AbortController();
    const long = longCommand('abort');
    const running = rejection(ssh.run(long.command, { signal: controller.signal }));
    await long.started();
    controller.abort();
    const error = await running;
    await long.cleanUp();
    expect(error.code).toBe('CANCELLED');
    expect(error.kind).toBe('cancelled');
  });

  it('explains a missing private key file', async () => {
    const error = await rejection(
      executor({ privateKeyPath: '/nonexistent/key' }).run(command(['true'])),
    );
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toContain('/nonexistent/key');
  });
});
