import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { makeTempDir } from './temp-dir.js';

/** A real OpenSSH server on 127.0.0.1 with its own host key, for executor tests. */
export interface TestSshd {
  readonly port: number;
  readonly user: string;
  readonly dir: string;
  /** Private key authorised to log in. */
  readonly clientKeyPath: string;
  /** known_hosts with the server's key under [127.0.0.1]:port. */
  readonly knownHostsPath: string;
  /** The server's public host key line (`ssh-ed25519 AAAA...`). */
  readonly hostPublicKey: string;
  /** Write a known_hosts file with the given content and return its path. */
  writeKnownHosts(name: string, content: string): Promise<string>;
  /** Generate another key pair (not authorised anywhere); returns the private key path. */
  makeKey(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startSshd(): Promise<TestSshd> {
  const temp = await makeTempDir('opsctl-sshd-');
  const dir = temp.path;
  const user = userInfo().username;
  const makeKey = async (name: string): Promise<string> => {
    const path = join(dir, name);
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', path]);
    return path;
  };
  const hostKey = await makeKey('host_ed25519');
  const clientKeyPath = await makeKey('client_ed25519');
  await writeFile(join(dir, 'authorized_keys'), await readFile(`${clientKeyPath}.pub`, 'utf8'));
  const hostPublicKey = (await readFile(`${hostKey}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
  // sshd needs its privilege separation directory; the Debian package creates it only at boot.
  mkdirSync('/run/sshd', { recursive: true });
  const { port, child } = await startOnFreePort(dir, hostKey, user, temp.remove);
  const writeKnownHosts = async (name: string, content: string) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  const knownHostsPath = await writeKnownHosts(
    'known_hosts',
    `[127.0.0.1]:${port} ${hostPublicKey}\n`,
  );
  return {
    port,
    user,
    dir,
    clientKeyPath,
    knownHostsPath,
    hostPublicKey,
    writeKnownHosts,
    makeKey,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await temp.remove();
    },
  };
}

/**
 * Starts sshd on a port that was free a moment ago. Another process (the other packages' suites
 * run at the same time) can take that port before sshd binds it; then sshd exits, and this
 * tries again on another port.
 */
async function startOnFreePort(
  dir: string,
  hostKey: string,
  user: string,
  removeDir: () => Promise<void>,
): Promise<{ port: number; child: ChildProcess }> {
  let lastLog = '';
  for (let attempt = 1; attempt <= 5; attempt++) {
    const port = await freePort();
    const config = [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${user}`,
      'LogLevel ERROR',
    ].join('\n');
    await writeFile(join(dir, 'sshd_config'), `${config}\n`);
    const child: ChildProcess = spawn(
      '/usr/sbin/sshd',
      ['-D', '-e', '-f', join(dir, 'sshd_config')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      if (await answersWithBanner(port, child)) return { port, child };
    } catch (error) {
      child.kill('SIGKILL');
      await removeDir();
      throw error;
    }
    lastLog = log;
  }
  await removeDir();
  throw new Error(`sshd did not start on a free port in 5 attempts: ${lastLog}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Polls until sshd answers with its banner (true) or exits (false: the port was taken). The
 * deadline is generous: sshd starts in well under a second, but not always on 2 busy cores.
 */
async function answersWithBanner(port: number, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    const banner = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString());
      });
      socket.once('error', () => {
        resolve('');
      });
    });
    if (banner.startsWith('SSH-2.0')) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`sshd did not answer on port ${port} within 60 s`);
}
