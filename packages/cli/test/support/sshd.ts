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
  // sshd needs its privilege separation directory; the Debian package creates it only at boot.
  mkdirSync('/run/sshd', { recursive: true });
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
    await waitForBanner(port, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    await temp.remove();
    throw error;
  }
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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Poll until sshd answers with its banner (it starts in well under a second). */
async function waitForBanner(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`sshd exited: ${log()}`);
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
    if (banner.startsWith('SSH-2.0')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`sshd did not start on port ${port}: ${log()}`);
}
