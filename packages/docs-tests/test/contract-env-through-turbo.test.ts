import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/repo.js';

/**
 * The README tells a user without `../shared` to set OPSCTL_CONTRACTS_DIR (or
 * OPSCTL_CONTRACTS_DOWNLOAD=1) for the test command. The test command runs the suites through
 * turbo, whose strict env mode hands a task only the variables it declares: undeclared, the
 * variable never reached the contract tests, which then failed saying it was unset. Asked here of
 * turbo itself (its dry run lists what each run passes through), for the tasks bin/test runs.
 */
const VARIABLES = ['OPSCTL_CONTRACTS_DIR', 'OPSCTL_CONTRACTS_DOWNLOAD'];

interface DryRun {
  globalCacheInputs: { environmentVariables: { passthrough: string[] | null } };
  tasks: { taskId: string; environmentVariables: { passthrough: string[] | null } }[];
}

function dryRun(task: string): DryRun {
  const env = { ...process.env, OPSCTL_CONTRACTS_DIR: '/nowhere', OPSCTL_CONTRACTS_DOWNLOAD: '0' };
  const turbo = join(repoRoot, 'node_modules', '.bin', 'turbo');
  const out = execFileSync(turbo, ['run', task, '--filter=@opsctl/testbed', '--dry=json'], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as DryRun;
}

describe('the contract-file variables reach the suites through turbo', () => {
  for (const task of ['test', 'test:integration']) {
    it(`are passed to every ${task} task`, () => {
      const run = dryRun(task);
      const passed = (list: string[] | null) => (list ?? []).map((v) => v.split('=')[0]);
      const global = passed(run.globalCacheInputs.environmentVariables.passthrough);
      for (const t of run.tasks.filter((x) => x.taskId.endsWith(`#${task}`))) {
        const reaches = [...global, ...passed(t.environmentVariables.passthrough)];
        for (const name of VARIABLES) expect(reaches, `${t.taskId}: ${name}`).toContain(name);
      }
      expect(run.tasks.some((x) => x.taskId === `@opsctl/testbed#${task}`)).toBe(true);
    }, 60_000);
  }
});
