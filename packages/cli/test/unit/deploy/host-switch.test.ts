import { describe, expect, it } from 'vitest';
import { switchHost } from '../../../src/deploy/host-switch.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { droplet, run, SHA, target } from './support/scripted-droplet.js';

describe('switching one droplet blue-green', () => {
  it('starts the idle slot, switches nginx only after health, then drains and stops the old slot', async () => {
    const exec = droplet('running healthy');
    const result = await switchHost(run(exec), target);
    expect(result.previous?.slot).toBe('blue');
    expect(result.active).toMatchObject({ slot: 'green', sha: SHA, container: 'opsctl-api-green' });
    const lines = exec.lines();
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(at('docker run --detach --name opsctl-api-green')).toBeGreaterThan(
      at('docker rm --force opsctl-api-green'),
    );
    expect(lines[at('docker run --detach')]).toContain('--publish 127.0.0.1:3002:3000');
    expect(at('/etc/opsctl/nginx/upstreams/api.conf 0664')).toBeGreaterThan(at('docker inspect'));
    expect(at('nginx -t')).toBeGreaterThan(at('/etc/opsctl/nginx/upstreams/api.conf 0664'));
    expect(at('nginx -s reload')).toBeGreaterThan(at('nginx -t'));
    expect(at('docker stop --time 1 opsctl-api-blue')).toBeGreaterThan(at('nginx -s reload'));
    expect(lines[at('docker run --detach')]).toContain('--restart unless-stopped');
    const upstream = exec.calls.find((c) => c.line.includes('upstreams/api.conf 0664'));
    expect(String(upstream?.command.stdin)).toContain('server 127.0.0.1:3002;');
  });

  it('removes a new container that stops, leaves nginx untouched and names the failure', async () => {
    const exec = droplet('exited none').on(['docker', 'logs'], {
      stdout: 'Error: DATABASE_URL is missing\n',
    });
    const error = await switchHost(run(exec), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpsctlError);
    expect((error as OpsctlError).code).toBe('RELEASE_UNHEALTHY');
    expect((error as OpsctlError).message).toContain('DATABASE_URL is missing');
    const lines = exec.lines();
    expect(lines.at(-1)).toBe('docker rm --force opsctl-api-green');
    expect(lines.some((l) => l.includes('nginx'))).toBe(false);
    expect(lines.some((l) => l.includes('docker stop'))).toBe(false);
  });

  it('gives up on a container that never turns healthy within the timeout', async () => {
    const exec = droplet('running starting');
    const error = await switchHost(run(exec), target).catch((e: unknown) => e);
    expect((error as OpsctlError).message).toMatch(/not healthy within 0.3 s/);
    expect(exec.lines().some((l) => l.includes('nginx'))).toBe(false);
  });

  it('restores the old upstream and reloads nothing when nginx -t fails', async () => {
    const exec = droplet('running healthy').on(['sudo', '-n', '/usr/sbin/nginx', '-t'], {
      exitCode: 1,
      stderr: 'bad config',
    });
    const error = await switchHost(run(exec), target).catch((e: unknown) => e);
    expect((error as OpsctlError).code).toBe('NGINX_CONFIG_INVALID');
    const writes = exec.calls.filter((c) => c.line.includes('upstreams/api.conf 0664'));
    expect(writes).toHaveLength(2);
    expect(String(writes[1]?.command.stdin)).toContain('127.0.0.1:3001');
    expect(exec.lines().some((l) => l.includes('nginx -s reload'))).toBe(false);
    expect(exec.lines().some((l) => l.includes('docker stop'))).toBe(false);
  });
});
