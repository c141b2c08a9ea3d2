import { describe, expect, it } from 'vitest';
import { interpolate } from '../src/workflow/evaluate.js';
import { lockWaitMinutes, secretsIn } from '../src/workflow/step-secrets.js';
import {
  parseWorkflow,
  type WorkflowJob,
  type WorkflowStep,
} from '../src/workflow/workflow-model.js';
import { dispatchRollback, pushTo } from './support/events.js';
import { readRepoFile } from './support/repo.js';

const workflow = parseWorkflow(readRepoFile('.github/workflows/ci-cd.yml'));

const steps = workflow.jobs.flatMap((job) => job.steps.map((step) => ({ job, step })));
const where = (job: WorkflowJob, step: WorkflowStep) =>
  `${job.id} / ${step.name ?? step.uses ?? ''}`;
/** Steps that run opsctl and which command, e.g. "deploy" or "secrets sync". */
const opsctlCommand = (step: WorkflowStep) =>
  /(?:^|\n)\s*opsctl (secrets sync|deploy|rollback|push|build)\b/.exec(step.run ?? '')?.[1];

describe('secrets reach only the steps that use them', () => {
  it('sets no secret for the whole workflow or a whole job', () => {
    expect(secretsIn(workflow.raw.env)).toEqual([]);
    for (const job of workflow.jobs) {
      expect(secretsIn(job.raw.env), job.id).toEqual([]);
      expect(secretsIn(job.raw.container), job.id).toEqual([]);
    }
  });

  it('gives none to checkout, dependency installation, caches, artifacts or the image scanner', () => {
    const noSecrets =
      /^(actions\/checkout|\.\/\.github\/actions\/setup-(workspace|opsctl)|actions\/cache|actions\/upload-artifact|aquasecurity\/trivy-action|github\/codeql-action)/;
    const guarded = steps.filter(({ step }) => noSecrets.test(step.uses ?? ''));
    expect(guarded.length).toBeGreaterThan(10);
    for (const { job, step } of guarded) expect(secretsIn(step.raw), where(job, step)).toEqual([]);
  });

  it('passes the DigitalOcean token only to the opsctl calls that reach DigitalOcean', () => {
    const holders = steps.filter(({ step }) => secretsIn(step.env).includes('DIGITALOCEAN_TOKEN'));
    expect(holders.map(({ step }) => opsctlCommand(step)).sort()).toEqual([
      'deploy',
      'deploy',
      'push',
      'rollback',
      'secrets sync',
      'secrets sync',
    ]);
  });

  it('passes the application secrets only to the opsctl calls that write the droplets’ env files', () => {
    for (const name of ['DATABASE_URL', 'REDIS_URL']) {
      const holders = steps.filter(({ step }) => secretsIn(step.env).includes(name));
      expect(holders.map(({ step }) => opsctlCommand(step)).sort(), name).toEqual([
        'deploy',
        'deploy',
        'rollback',
        'secrets sync',
        'secrets sync',
      ]);
    }
  });

  it('names every secret a run step receives in its script, or the step runs opsctl, which reads them', () => {
    for (const { job, step } of steps.filter(({ step }) => step.run !== undefined)) {
      for (const [name, value] of Object.entries(step.env)) {
        if (secretsIn(value).length === 0) continue;
        const used =
          (step.run ?? '').includes(name) ||
          (name === 'TURBO_TOKEN' && /\bturbo run\b/.test(step.run ?? '')) ||
          opsctlCommand(step) !== undefined ||
          /\.github\/scripts\//.test(step.run ?? '');
        expect(used, `${where(job, step)}: ${name}`).toBe(true);
      }
    }
  });
});

describe('a rollback is never cancelled by a later deploy or rollback', () => {
  const rollback = workflow.jobs.find((j) => j.id === 'rollback');
  const group = (context: Parameters<typeof interpolate>[1]) =>
    interpolate((workflow.raw.concurrency as { group: string }).group, context);

  it('runs in a concurrency group of its own run, so GitHub never replaces it while it waits', () => {
    expect(rollback?.concurrency).toBeUndefined();
    const first = group(dispatchRollback('production', 'a'.repeat(40), '1001'));
    const second = group(dispatchRollback('production', 'b'.repeat(40), '1002'));
    expect(first).not.toBe(second);
    expect(first).not.toBe(group(pushTo('main')));
  });

  it('is serialised with deploys by opsctl’s lock, waiting longer than the longest deploy job runs', () => {
    const minutes = lockWaitMinutes;
    const rollbackStep = rollback?.steps.find((s) => opsctlCommand(s) === 'rollback');
    const longestDeploy = Math.max(
      ...workflow.jobs
        .filter((j) => j.steps.some((s) => opsctlCommand(s) === 'deploy'))
        .map((j) => Number(j.raw['timeout-minutes'])),
    );
    expect(minutes(rollbackStep?.run ?? '')).toBeGreaterThan(longestDeploy);
    expect(Number(rollback?.raw['timeout-minutes'])).toBeGreaterThan(
      minutes(rollbackStep?.run ?? ''),
    );
    for (const { step } of steps.filter(({ step }) => opsctlCommand(step) === 'deploy'))
      expect(minutes(step.run ?? '')).toBeGreaterThan(0);
  });

  it('shares no concurrency group with any job', () => {
    const groups = workflow.jobs.flatMap((j) => (j.concurrency ? [j.concurrency.group] : []));
    expect(groups.some((g) => g.includes('inputs.environment'))).toBe(false);
  });
});

describe('the docker job', () => {
  it('runs in the environment it builds for, so it gets that environment’s secrets', () => {
    const docker = workflow.jobs.find((j) => j.id === 'docker');
    const env = docker?.raw.env as Record<string, string>;
    expect(docker?.environment).toBeDefined();
    for (const context of [pushTo('main'), pushTo('develop')]) {
      expect(interpolate(docker?.environment ?? '', context)).toBe(
        interpolate(env.OPSCTL_ENV ?? '', context),
      );
    }
    expect(interpolate(docker?.environment ?? '', pushTo('main'))).toBe('production');
  });
});
