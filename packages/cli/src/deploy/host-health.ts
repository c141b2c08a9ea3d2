import { setTimeout as sleep } from 'node:timers/promises';
import { OpsctlError } from '../errors/opsctl-error.js';
import { containerHealth, containerLogs } from './commands/docker.js';
import { httpStatus, servedBy } from './commands/http.js';
import type { HostRun } from './host-context.js';
import { throwIfCancelled } from './cancel.js';

const LOG_LINES = 30;

/**
 * Waits until a new slot is healthy: Docker's health (when the image has one) and a 200 from the
 * health path on the slot's own port, checked every interval up to the health timeout.
 */
export async function waitUntilHealthy(
  run: HostRun,
  container: string,
  port: number,
): Promise<void> {
  const { exec, settings } = run;
  if (settings.dryRun) {
    await exec.run({ ...containerHealth(container), readOnly: false });
    await exec.run({ ...httpStatus(port, settings.healthPath), readOnly: false });
    return;
  }
  const deadline = Date.now() + settings.healthTimeoutMs;
  let last: string;
  for (;;) {
    throwIfCancelled(run.signal);
    const [state = 'missing', health = 'none'] = (await exec.run(containerHealth(container))).stdout
      .trim()
      .split(' ');
    if (state !== 'running' && state !== 'created' && state !== 'restarting') {
      throw await unhealthy(run, container, `the container is ${state}`);
    }
    if (health === 'unhealthy')
      throw await unhealthy(run, container, 'Docker reports it unhealthy');
    if (state === 'running' && health !== 'starting') {
      const code = (
        await exec.run(httpStatus(port, settings.healthPath), { allowFailure: true })
      ).stdout.trim();
      if (code === '200') return;
      last = `GET ${settings.healthPath} answered ${code === '000' ? 'nothing' : code}`;
    } else {
      last = `container ${state}, health ${health}`;
    }
    if (Date.now() >= deadline) {
      throw await unhealthy(
        run,
        container,
        `not healthy within ${settings.healthTimeoutMs / 1000} s (${last})`,
      );
    }
    await sleep(settings.healthIntervalMs);
  }
}

async function unhealthy(run: HostRun, container: string, why: string): Promise<OpsctlError> {
  const logs = await run.exec.run(containerLogs(container, LOG_LINES), { allowFailure: true });
  const tail = `${logs.stdout}${logs.stderr}`.trim().split('\n').slice(-LOG_LINES).join('\n');
  return new OpsctlError({
    code: 'RELEASE_UNHEALTHY',
    kind: 'external',
    message: `New container ${container} on ${run.exec.target} failed its health check: ${why}. The old release keeps serving; nginx was not touched.\nLast ${LOG_LINES} log lines:\n${tail}`,
    hint: 'Fix the release (see its logs above) and deploy again, or raise deploy.healthTimeout if it only starts slowly.',
    details: { host: run.exec.target, container, logs: tail },
  });
}

/** Whether the droplet's nginx now answers the health path from the given slot port. */
export async function nginxServesSlot(run: HostRun, port: number): Promise<boolean> {
  const { stdout } = await run.exec.run(servedBy(run.settings.healthPath), { allowFailure: true });
  return stdout.trim() === `200 127.0.0.1:${port}`;
}
