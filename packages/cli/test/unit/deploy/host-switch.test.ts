import { describe, expect, it } from 'vitest';
import type { HostSettings } from '../../../src/deploy/host-context.js';
import { switchHost } from '../../../src/deploy/host-switch.js';
import { containerHealth } from '../../../src/deploy/commands/docker.js';
import { remotePaths } from '../../../src/deploy/remote-paths.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { Secret } from '../../../src/secrets/secret.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';

const SHA = 'abcdef123456';
const target = {
  sha: SHA,
  digest: `sha256:${'b'.repeat(64)}`,
  image: `registry.test/api@sha256:${'b'.repeat(64)}`,
};
const blueActive = JSON.stringify({
  slot: 'blue',
  sha: '111111111111',
  digest: `sha256:${'a'.repeat(64)}`,
  image: 'registry.test/api@sha256:a',
  container: 'opsctl-api-blue',
  since: '2026-01-01T00:00:00Z',
});

const settings: HostSettings = {
  service: 'api',
  containerPort: 3000,
  healthPath: '/health',
  slots: { blue: 3001, green: 3002 },
  healthTimeoutMs: 300,
  healthIntervalMs: 10,
  drainTimeoutMs: 1000,
  paths: remotePaths('api', 'staging', '/etc/opsctl/env/api.env'),
  envFile: new Secret('X=1\n'),
  envFileNote: 'deploy abc by alice@laptop',
  envNames: ['X'],
  registryLogin: undefined,
  dryRun: false,
};

function droplet(health: string): RecordingExecutor {
  return new RecordingExecutor('droplet-1')
    .on(
      ['sh', '-c', 'if [ -f "$1" ]; then cat "$1"; fi', 'sh', '/var/lib/opsctl/api/active.json'],
      { stdout: blueActive },
    )
    .on(
      [
        'sh',
        '-c',
        'if [ -f "$1" ]; then cat "$1"; fi',
        'sh',
        '/etc/opsctl/nginx/upstreams/api.conf',
      ],
      { stdout: 'upstream opsctl_api { server 127.0.0.1:3001; }\n' },
    )
    .on(containerHealth('opsctl-api-green').argv.slice(0, 3) as string[], { stdout: health })
    .on(['curl'], (cmd) => ({
      // The switch is verified by which slot nginx routes to, named in X-Opsctl-Upstream.
      stdout: cmd.argv.includes('%{http_code} %header{x-opsctl-upstream}')
        ? '200 127.0.0.1:3002'
        : '200',
    }))
    .on(['sh', '-c', 'ss -Htn state established "( sport = :$1 )" | wc -l'], { stdout: '0\n' });
}

const run = (exec: RecordingExecutor) => ({
  exec,
  settings,
  report: () => undefined,
  signal: undefined,
});

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
