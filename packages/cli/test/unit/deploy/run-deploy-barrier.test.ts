import { describe, expect, it } from 'vitest';
import { runDeploy, type DeployRun } from '../../../src/deploy/run-deploy.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import type { Executor } from '../../../src/exec/executor.js';
import type { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { shellLine } from '../../../src/exec/shell-quote.js';
import { droplet, settings, target } from './support/scripted-droplet.js';

/** Every command of every droplet in the order they ran: `droplet-2: docker run ...`. */
function logged(exec: RecordingExecutor, log: string[]): Executor {
  return {
    target: exec.target,
    run: (command, options) => {
      log.push(`${exec.target}: ${shellLine(command.argv, 'redact')}`);
      return exec.run(command, options);
    },
    close: () => exec.close(),
  };
}

function deploy(execs: readonly RecordingExecutor[], log: string[]): Promise<unknown> {
  const run: DeployRun = {
    environment: 'staging',
    kind: 'deploy',
    target,
    droplets: execs.map((exec) => ({ name: exec.target, exec: logged(exec, log) })),
    settings,
    preDeploy: ['node', 'dist/migrate.js'],
    parallelism: 5,
    smoke: { baseUrl: undefined, paths: [], versionPath: undefined, routeTimeoutMs: 0 },
    autoRollback: true,
    actor: 'alice',
    ciRunUrl: undefined,
    report: () => undefined,
    redact: (text) => text,
    signal: undefined,
  };
  return runDeploy(run).catch((error: unknown) => error);
}

/** Index of the first line of `droplet` containing `needle` (-1 when none). */
const at = (log: readonly string[], droplet: string, needle: string): number =>
  log.findIndex((line) => line.startsWith(`${droplet}: `) && line.includes(needle));
const last = (log: readonly string[], droplet: string, needle: string): number =>
  log.findLastIndex((line) => line.startsWith(`${droplet}: `) && line.includes(needle));

describe('the first-host barrier across droplets', () => {
  it('pulls everywhere at once, starts the others only once the first is healthy, and switches them only once it serves', async () => {
    const log: string[] = [];
    // The first droplet's new slot takes a few health checks to come up.
    const first = droplet('running healthy').on(
      ['sh', '-c', 'docker inspect --format'],
      { stdout: 'running starting' },
      { times: 3 },
    );
    const result = await deploy(
      [first, droplet('running healthy', 'droplet-2'), droplet('running healthy', 'droplet-3')],
      log,
    );
    expect(result).toMatchObject({ outcome: 'succeeded' });
    const firstStart = at(log, 'droplet-1', 'docker run --detach');
    const firstHealthy = last(
      log,
      'droplet-1',
      'curl --silent --output /dev/null --max-time 2 --write-out %{http_code} http://127.0.0.1:3002/health',
    );
    const firstActive = at(log, 'droplet-1', '/var/lib/opsctl/api/active.json 0644');
    expect(at(log, 'droplet-1', 'dist/migrate.js')).toBeLessThan(firstStart);
    for (const other of ['droplet-2', 'droplet-3']) {
      expect(at(log, other, 'docker image inspect')).toBeLessThan(firstStart);
      expect(at(log, other, 'opsctl-env write api.env')).toBeGreaterThan(firstHealthy);
      expect(at(log, other, 'docker run --detach')).toBeGreaterThan(firstHealthy);
      expect(at(log, other, 'upstreams/api.conf 0664')).toBeGreaterThan(firstActive);
      expect(at(log, other, 'dist/migrate.js')).toBe(-1);
    }
    // The others start while the first is still switching: that overlap is the point.
    expect(at(log, 'droplet-2', 'docker run --detach')).toBeLessThan(
      at(log, 'droplet-1', 'docker stop'),
    );
  });

  it('leaves the others serving untouched when the first never turns healthy', async () => {
    const log: string[] = [];
    const others = [
      droplet('running healthy', 'droplet-2'),
      droplet('running healthy', 'droplet-3'),
    ];
    const error = await deploy([droplet('exited none'), ...others], log);
    expect(error).toBeInstanceOf(OpsctlError);
    expect((error as OpsctlError).code).toBe('RELEASE_UNHEALTHY');
    const result = (error as OpsctlError).details as {
      result: { droplets: { droplet: string; outcome: string }[] };
    };
    expect(result.result.droplets.map((d) => `${d.droplet} ${d.outcome}`)).toEqual([
      'droplet-1 failed',
      'droplet-2 skipped',
      'droplet-3 skipped',
    ]);
    for (const other of others) {
      // Only the image check ran there: no env file, no container, no nginx.
      expect(other.lines().every((line) => line.startsWith('docker image inspect'))).toBe(true);
    }
  });

  it('removes the slots the others started when the first fails to switch, and never touches their nginx', async () => {
    const log: string[] = [];
    const first = droplet('running healthy').on(['sudo', '-n', '/usr/sbin/nginx', '-t'], {
      exitCode: 1,
      stderr: 'bad config',
    });
    // The others' slots come up slowly, so they are started when the first fails.
    const others = ['droplet-2', 'droplet-3'].map((name) =>
      droplet('running healthy', name).on(
        ['sh', '-c', 'docker inspect --format'],
        { stdout: 'running starting' },
        { times: 5 },
      ),
    );
    const error = await deploy([first, ...others], log);
    expect((error as OpsctlError).code).toBe('NGINX_CONFIG_INVALID');
    for (const other of others) {
      const lines = other.lines();
      expect(lines.some((l) => l.includes('docker run --detach --name opsctl-api-green'))).toBe(
        true,
      );
      expect(lines.at(-1)).toBe('docker rm --force opsctl-api-green');
      expect(lines.some((l) => l.includes('nginx'))).toBe(false);
      expect(lines.some((l) => l.includes('docker stop'))).toBe(false);
    }
  });

  it('reports each droplet’s own time, not the whole run’s', async () => {
    const log: string[] = [];
    const slow = droplet('running healthy', 'droplet-2').on(
      ['docker', 'image', 'inspect'],
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return {};
      },
    );
    const result = (await deploy([droplet('running healthy'), slow], log)) as {
      droplets: { droplet: string; durationMs: number }[];
    };
    const [first, second] = result.droplets;
    expect(second?.durationMs).toBeGreaterThanOrEqual(300);
    expect(first?.durationMs).toBeLessThan(second?.durationMs ?? 0);
  });
});
