import { describe, expect, it } from 'vitest';
import { DryRunExecutor } from '../../../src/exec/dry-run-executor.js';
import { DryRunPlan } from '../../../src/exec/dry-run-plan.js';
import type { Executor } from '../../../src/exec/executor.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { applyDroplet, planDroplet } from '../../../src/images/droplet-prune.js';

const REPO = 'registry.test:5000/api';
const digest = (n: number): string => `sha256:${String(n).repeat(64)}`;
const imageLine = (n: number): string =>
  JSON.stringify({
    id: `sha256:${String(n).repeat(64).replace(/./g, 'i')}${n}`,
    repoDigests: [`${REPO}@${digest(n)}`],
    repoTags: null,
    created: new Date(Date.UTC(2026, 0, n)).toISOString(),
    size: 10,
  });

function droplet(exec: Executor) {
  return {
    droplet: { environment: 'staging', name: 'web-1', exec },
    releases: { active: { sha: 'cccccccccccc', digest: digest(3) }, previous: undefined },
  };
}

describe('pruning one droplet', () => {
  it('reads the repository’s images and every container, then removes what the plan says', async () => {
    const exec = new RecordingExecutor('web-1').on(['sh', '-c'], (command) =>
      command.argv.includes(REPO)
        ? { stdout: [1, 2, 3].map(imageLine).join('\n') }
        : { stdout: '' },
    );
    const planned = await planDroplet(droplet(exec), { repository: REPO, service: 'api', keep: 1 });
    const report = await applyDroplet(planned);
    expect(report.errors).toEqual([]);
    const removals = exec.lines().filter((line) => line.startsWith('docker image rm'));
    expect(removals).toHaveLength(2);
    expect(report.images.filter((i) => i.action === 'keep').flatMap((i) => i.digests)).toEqual([
      digest(3),
    ]);
  });

  it('records a removal Docker refuses and carries on with the rest', async () => {
    const exec = new RecordingExecutor('web-1')
      .on(['sh', '-c'], (command) =>
        command.argv.includes(REPO)
          ? { stdout: [1, 2, 3].map(imageLine).join('\n') }
          : { stdout: '' },
      )
      .on(
        ['docker', 'image', 'rm'],
        { exitCode: 1, stderr: 'conflict: image is being used by a container' },
        { times: 1 },
      );
    const report = await applyDroplet(
      await planDroplet(droplet(exec), { repository: REPO, service: 'api', keep: 1 }),
    );
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toContain('image is being used');
    expect(exec.lines().filter((line) => line.startsWith('docker image rm'))).toHaveLength(2);
  });

  it('in a dry run only records the removals, after reading the droplet for real', async () => {
    const reader = new RecordingExecutor('web-1').on(['sh', '-c'], (command) =>
      command.argv.includes(REPO) ? { stdout: [1, 2].map(imageLine).join('\n') } : { stdout: '' },
    );
    const plan = new DryRunPlan();
    const exec = new DryRunExecutor('web-1', plan, reader);
    await applyDroplet(
      await planDroplet(droplet(exec), {
        repository: REPO,
        service: 'api',
        keep: 1,
      }),
    );
    expect(reader.lines().some((line) => line.startsWith('docker image rm'))).toBe(false);
    expect(plan.entries().map((e) => e.line)).toEqual([
      expect.stringMatching(/^docker image rm sha256:/) as string,
    ]);
  });
});
