import { setTimeout as sleep } from 'node:timers/promises';
import { OpsctlError } from '../errors/opsctl-error.js';
import { removeContainer, runSlot, stopContainer } from './commands/docker.js';
import { readFileIfExists, writeFileAtomic } from '../droplet/commands/files.js';
import { establishedConnections } from './commands/http.js';
import { nginxReload, nginxTest } from './commands/nginx.js';
import { readActive, type ActiveRelease } from '../droplet/releases/active-release.js';
import { removeWarm, writeWarm } from '../droplet/releases/warm-slot.js';
import { scheduleWarmExpiry } from './commands/warm-expiry.js';
import type { HostRun, ReleaseTarget } from './host-context.js';
import { nginxServesSlot, waitUntilHealthy } from './host-health.js';
import { renderUpstream } from './nginx-upstream.js';
import { idleSlot, slotContainer, slotPort, type Slot } from './slots.js';
import { throwIfCancelled } from './cancel.js';
import { inPhase, note, skipPhase } from './phase.js';

export interface HostSwitchResult {
  readonly previous: ActiveRelease | undefined;
  readonly active: ActiveRelease;
}

/** A new release running healthy in the idle slot, not yet serving. */
export interface IdleSlot {
  readonly previous: ActiveRelease | undefined;
  readonly slot: Slot;
  readonly container: string;
  readonly port: number;
}

const VERIFY_TIMEOUT_MS = 10_000;

/**
 * Blue-green on one droplet: start the idle slot, wait for health, point nginx at it (write, test,
 * reload), verify through nginx, then drain and stop the old slot. Until the reload, the old slot
 * serves and nginx is untouched; after it, nginx only ever points at a healthy, running container.
 * The three steps are also used one by one, so droplets can wait for each other in between.
 */
export async function switchHost(run: HostRun, target: ReleaseTarget): Promise<HostSwitchResult> {
  const idle = await startIdleSlot(run, target);
  const result = await pointNginxAt(run, target, idle);
  await retireOldSlot(run, result);
  return result;
}

/** Starts the release in the idle slot and waits until it is healthy; removes it if it is not. */
export async function startIdleSlot(run: HostRun, target: ReleaseTarget): Promise<IdleSlot> {
  const { exec, settings } = run;
  const { previous, slot, container, port } = await inPhase(run, 'start', async () => {
    const previous = await readActive(exec, settings.paths.activeFile);
    const slot = idleSlot(previous?.slot);
    const container = slotContainer(settings.service, slot);
    const port = slotPort(settings.slots, slot);
    throwIfCancelled(run.signal);

    // A warm slot is always the idle one: the new release replaces it, so it is no rollback target.
    await exec.run(removeWarm(settings.paths.warmFile));
    await exec.run(removeContainer(container), { allowFailure: true });
    note(run, `starting ${slot} slot`);
    await exec.run(
      runSlot({
        container,
        image: target.image,
        hostPort: port,
        containerPort: settings.containerPort,
        envFile: settings.paths.envFile,
        envNames: settings.envNames,
        labels: {
          'opsctl.service': settings.service,
          'opsctl.sha': target.sha,
          'opsctl.slot': slot,
        },
        healthInterval: `${Math.max(1, Math.round(settings.healthIntervalMs / 1000))}s`,
      }),
    );
    return { previous, slot, container, port };
  });
  try {
    await inPhase(run, 'healthy', async () => {
      note(run, `waiting for ${slot} slot to be healthy`);
      await waitUntilHealthy(run, container, port);
      throwIfCancelled(run.signal);
    });
  } catch (error) {
    await discardIdleSlot(run, { previous, slot, container, port });
    throw error;
  }
  return { previous, slot, container, port };
}

/** Removes a started slot that will not serve (another droplet failed first); nginx is untouched. */
export async function discardIdleSlot(run: HostRun, idle: IdleSlot): Promise<void> {
  await run.exec.run(removeContainer(idle.container), { allowFailure: true });
}

/** Points nginx at the idle slot, verifies it serves through nginx, and records it as active. */
export async function pointNginxAt(
  run: HostRun,
  target: ReleaseTarget,
  idle: IdleSlot,
): Promise<HostSwitchResult> {
  return inPhase(run, 'switch', () => switchNginx(run, target, idle));
}

async function switchNginx(
  run: HostRun,
  target: ReleaseTarget,
  idle: IdleSlot,
): Promise<HostSwitchResult> {
  const { exec, settings } = run;
  const { slot, port, container, previous } = idle;
  note(run, `switching nginx to ${slot}`);
  const before = (await exec.run(readFileIfExists(settings.paths.upstreamFile))).stdout;
  // On a failure here the new container stays: nginx may already route to it.
  await pointNginx(run, renderUpstream(settings.service, port, slot), before);
  if (!settings.dryRun && !(await verify(run, port))) {
    await pointNginx(run, before, before);
    await discardIdleSlot(run, idle);
    throw new OpsctlError({
      code: 'SWITCH_NOT_VERIFIED',
      kind: 'external',
      message: `nginx on ${exec.target} did not route to the ${slot} slot (port ${port}) after the switch; switched back to the old slot.`,
      hint: 'Check the nginx layout on the droplet (infrastructure/ansible/README.md) and deploy again.',
    });
  }
  const active: ActiveRelease = {
    slot,
    sha: target.sha,
    digest: target.digest,
    image: target.image,
    container,
    since: new Date().toISOString(),
  };
  await exec.run(writeFileAtomic(settings.paths.activeFile, `${JSON.stringify(active)}\n`, '0644'));
  return { previous, active };
}

/**
 * Takes the old slot out of service: within deploy.warmWindow it keeps running out of rotation
 * (warm.json says until when), so a rollback is a switch; with a window of 0, or when it runs
 * the same release, it is drained (bounded) and stopped with SIGTERM once nginx no longer sends
 * to it.
 */
export async function retireOldSlot(run: HostRun, result: HostSwitchResult): Promise<void> {
  const { exec, settings } = run;
  const { previous, active } = result;
  if (previous === undefined || previous.container === active.container) {
    skipPhase(run, 'drain', 'no old slot');
    return;
  }
  // The same release restarted (secrets sync --restart) is no rollback target: nothing to keep.
  if (settings.warmWindowMs > 0 && previous.sha !== active.sha) {
    const now = Date.now();
    const until = new Date(now + settings.warmWindowMs).toISOString();
    note(run, `keeping ${previous.slot} slot (${previous.sha}) warm until ${until}`);
    await exec.run(
      writeWarm(settings.paths.warmFile, {
        slot: previous.slot,
        sha: previous.sha,
        digest: previous.digest,
        image: previous.image,
        container: previous.container,
        since: new Date(now).toISOString(),
        until,
      }),
    );
    await exec.run(
      scheduleWarmExpiry({
        warmFile: settings.paths.warmFile,
        activeFile: settings.paths.activeFile,
        container: previous.container,
        until,
        afterSeconds: Math.ceil(settings.warmWindowMs / 1000),
        stopSeconds: Math.ceil(settings.drainTimeoutMs / 1000),
      }),
    );
    skipPhase(run, 'drain', `kept warm until ${until}`);
    return;
  }
  await inPhase(run, 'drain', async () => {
    await drain(run, slotPort(settings.slots, previous.slot));
    note(run, `stopping ${previous.slot} slot`);
    await exec.run(stopContainer(previous.container, Math.ceil(settings.drainTimeoutMs / 1000)), {
      allowFailure: true,
    });
  });
}

/** Replaces the upstream file, tests the whole configuration, reloads; restores on a bad test. */
async function pointNginx(run: HostRun, upstream: string, restore: string): Promise<void> {
  const { exec, settings } = run;
  await exec.run(writeFileAtomic(settings.paths.upstreamFile, upstream, '0664'));
  const test = await exec.run(nginxTest(), { allowFailure: true });
  if (test.exitCode !== 0) {
    await exec.run(writeFileAtomic(settings.paths.upstreamFile, restore, '0664'));
    throw new OpsctlError({
      code: 'NGINX_CONFIG_INVALID',
      kind: 'external',
      message: `nginx -t failed on ${exec.target}; the previous upstream was restored and nothing was reloaded.\n${test.stderr.trim()}`,
      hint: 'Fix the nginx configuration on the droplet, then deploy again.',
    });
  }
  await exec.run(nginxReload());
}

/** The reload is asynchronous (new workers start, old ones finish): poll until the new slot answers. */
async function verify(run: HostRun, port: number): Promise<boolean> {
  const deadline = Date.now() + VERIFY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await nginxServesSlot(run, port)) return true;
    await sleep(200);
  }
  return false;
}

/** Waits until nothing is connected to the old slot (nginx's old workers finished), bounded. */
async function drain(run: HostRun, port: number): Promise<void> {
  const { exec, settings } = run;
  if (settings.dryRun) {
    await exec.run({ ...establishedConnections(port), readOnly: false });
    return;
  }
  const deadline = Date.now() + settings.drainTimeoutMs;
  while (Date.now() < deadline) {
    const open = Number((await exec.run(establishedConnections(port))).stdout.trim());
    if (open === 0) return;
    note(run, `draining: ${open} connection(s) to the old slot`);
    await sleep(250);
  }
}
