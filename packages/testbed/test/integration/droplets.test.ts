import { readFile, writeFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { localLayout } from '../../src/local/layout.js';
import { waitFor } from '../../src/local/wait.js';
import { ssh } from './ssh.js';
import { testStateDir } from './state-dir.js';

const stateDir = testStateDir();
const layout = localLayout(2);

describe('the local droplets', () => {
  it('let the deploy user in with the deploy key and run their own Docker engine', async () => {
    for (const d of layout.droplets) {
      const result = await ssh(
        stateDir,
        d.sshPort,
        'hostname && docker info --format "{{.Driver}}"',
      );
      expect(result.exitCode, String(result.stderr)).toBe(0);
      expect(String(result.stdout).split('\n')).toEqual([d.name, 'overlay2']);
    }
  });

  it('are refused by a client whose known_hosts holds a different key for them', async () => {
    const good = await readFile(join(stateDir, 'known_hosts'), 'utf8');
    const lines = good.trim().split('\n');
    const at = (port: number | undefined) => lines.find((l) => l.startsWith(`[127.0.0.1]:${port}`));
    const [first, second] = [at(layout.droplets[0]?.sshPort), at(layout.droplets[1]?.sshPort)];
    // droplet-1's port with droplet-2's key: a man in the middle, as far as the client can tell.
    const swapped = `${first?.split(' ')[0] ?? ''} ${second?.split(' ').slice(1).join(' ') ?? ''}\n`;
    const file = join(stateDir, 'known_hosts.swapped');
    await writeFile(file, swapped);
    const result = await ssh(stateDir, layout.droplets[0]?.sshPort ?? 0, 'true', file);
    expect(result.exitCode).not.toBe(0);
    expect(String(result.stderr)).toMatch(/host key/i);
  });

  it('have no password login and no root login', async () => {
    const d = layout.droplets[0];
    const result = await ssh(
      stateDir,
      d?.sshPort ?? 0,
      'sudo -n /usr/sbin/sshd -T 2>/dev/null || cat /etc/ssh/sshd_config.d/opsctl.conf',
    );
    expect(String(result.stdout)).toMatch(/PasswordAuthentication no/i);
    expect(String(result.stdout)).toMatch(/PermitRootLogin no/i);
    const root = await ssh(stateDir, d?.sshPort ?? 0, 'sudo -n true');
    expect(root.exitCode).not.toBe(0);
  });

  it('refuse every tunnel to the deploy key while its commands still run', async () => {
    const d = layout.droplets[0];
    if (d === undefined) throw new Error('no droplet');
    const base = sshArgs(stateDir, d.sshPort);
    // -W: stdio forwarding to the droplet's nginx, the shortest way through it.
    const stdio = await execa('ssh', [...base, '-W', '127.0.0.1:80', 'deploy@127.0.0.1'], {
      reject: false,
      input: 'GET /nginx-health HTTP/1.0\r\n\r\n',
    });
    expect(stdio.exitCode).not.toBe(0);
    expect(stdio.stderr).toMatch(/administratively prohibited/);
    expect(stdio.stdout).not.toMatch(/HTTP\/1/);

    // -L: the local listener opens, but the droplet refuses each connection through it.
    const port = await freePort();
    const tunnel = execa(
      'ssh',
      [...base, '-N', '-L', `127.0.0.1:${port}:127.0.0.1:80`, 'deploy@127.0.0.1'],
      { reject: false },
    );
    try {
      let answer: string | undefined;
      await waitFor(
        'the -L listener',
        async () => (answer = await httpThrough(port)) !== undefined,
        30_000,
      );
      expect(answer).toBe('refused');
    } finally {
      tunnel.kill('SIGTERM');
    }
    expect((await tunnel).stderr).toMatch(/administratively prohibited/);

    const command = await ssh(stateDir, d.sshPort, 'echo still-runs');
    expect(command.exitCode, String(command.stderr)).toBe(0);
    expect(String(command.stdout)).toBe('still-runs');
  });
});

/** The deploy user's ssh options without a command: the ssh() helper's, for -W and -L. */
const sshArgs = (dir: string, port: number): string[] => [
  '-o',
  'BatchMode=yes',
  '-o',
  'StrictHostKeyChecking=yes',
  '-o',
  `UserKnownHostsFile=${join(dir, 'known_hosts')}`,
  '-o',
  'ConnectTimeout=5',
  '-i',
  join(dir, 'deploy_key'),
  '-p',
  String(port),
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * One HTTP request through the tunnel's local port: undefined while nothing listens yet,
 * 'refused' when the listener takes the connection and closes it without an answer, the status
 * line when something answered through it.
 */
function httpThrough(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('connect', () => socket.write('GET /nginx-health HTTP/1.0\r\n\r\n'));
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ECONNREFUSED' ? undefined : 'refused');
    });
    socket.on('close', () => {
      resolve(data === '' ? 'refused' : (data.split('\r\n')[0] ?? data));
    });
  });
}
