import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localLayout } from '../../src/local/layout.js';
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
});
