import { describe, expect, it } from 'vitest';
import type { DeployEvent } from '../../../src/deploy/deploy-events.js';
import { runDeploy, type DeployRun } from '../../../src/deploy/run-deploy.js';
import type { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { droplet, settings, target } from './support/scripted-droplet.js';

async function deploy(execs: readonly RecordingExecutor[]): Promise<DeployEvent[]> {
  const events: DeployEvent[] = [];
  const run: DeployRun = {
    environment: 'staging',
    kind: 'deploy',
    target,
    droplets: execs.map((exec) => ({ name: exec.target, exec })),
    settings,
    preDeploy: undefined,
    parallelism: 5,
    smoke: { baseUrl: undefined, paths: [], versionPath: undefined, routeTimeoutMs: 0 },
    autoRollback: false,
    actor: 'alice',
    ciRunUrl: undefined,
    report: (event) => events.push(event),
    redact: (text) => text,
    signal: undefined,
  };
  await runDeploy(run).catch(() => undefined);
  return events;
}

/** `phase:status` of one droplet's phase events, in the order they came. */
const phasesOf = (events: readonly DeployEvent[], name: string): string[] =>
  events.flatMap((e) =>
    e.droplet === name && e.type === 'phase' ? [`${e.phase}:${e.status}`] : [],
  );

describe('a deploy’s events', () => {
  it('give every droplet each phase in order, from its start to its end, with the time of each', async () => {
    const before = Date.now();
    const events = await deploy([
      droplet('running healthy'),
      droplet('running healthy', 'droplet-2'),
    ]);
    for (const name of ['droplet-1', 'droplet-2']) {
      expect(phasesOf(events, name)).toEqual([
        'pull:running',
        'pull:done',
        'start:running',
        'start:done',
        'healthy:running',
        'healthy:done',
        'switch:running',
        'switch:done',
        'drain:running',
        'drain:done',
      ]);
    }
    expect(events.every((e) => e.at >= before && e.at <= Date.now())).toBe(true);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'note',
        droplet: 'droplet-1',
        message: 'switching nginx to green',
      }),
    );
  });

  it('end the failing phase as failed with its reason, and stop the other droplets after their pull', async () => {
    const events = await deploy([droplet('exited none'), droplet('running healthy', 'droplet-2')]);
    expect(phasesOf(events, 'droplet-1')).toEqual([
      'pull:running',
      'pull:done',
      'start:running',
      'start:done',
      'healthy:running',
      'healthy:failed',
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({
        phase: 'healthy',
        status: 'failed',
        detail: expect.stringContaining('the container is exited') as unknown,
      }),
    );
    expect(phasesOf(events, 'droplet-2')).toEqual(['pull:running', 'pull:done']);
  });
});
