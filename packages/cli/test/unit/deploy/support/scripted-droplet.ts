import type { HostSettings } from '../../../../src/deploy/host-context.js';
import { containerHealth } from '../../../../src/deploy/commands/docker.js';
import { remotePaths } from '../../../../src/droplet/remote-paths.js';
import { RecordingExecutor } from '../../../../src/exec/recording-executor.js';
import { Secret } from '../../../../src/secrets/secret.js';

/** A scripted droplet serving release 111111111111 from the blue slot, for the deploy's procedures. */

export const SHA = 'abcdef123456';
export const target = {
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

export const settings: HostSettings = {
  service: 'api',
  containerPort: 3000,
  healthPath: '/health',
  slots: { blue: 3001, green: 3002 },
  healthTimeoutMs: 300,
  healthIntervalMs: 10,
  drainTimeoutMs: 1000,
  warmWindowMs: 0,
  paths: remotePaths('api', 'staging', '/etc/opsctl/env/api.env'),
  envFile: new Secret('X=1\n'),
  envFileNote: 'deploy abc by alice@laptop',
  envNames: ['X'],
  registryLogin: undefined,
  dryRun: false,
};

export function droplet(health: string, name = 'droplet-1'): RecordingExecutor {
  return new RecordingExecutor(name)
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

export const run = (exec: RecordingExecutor) => ({
  exec,
  settings,
  report: () => undefined,
  signal: undefined,
});
