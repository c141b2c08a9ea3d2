import { describe, expect, it } from 'vitest';
import { interpolate, jobsThatRun } from '../src/workflow/evaluate.js';
import { jobById, parseWorkflow, upstreamJobs } from '../src/workflow/workflow-model.js';
import { dispatchRollback, pullRequestInto, pushTag, pushTo } from './support/events.js';
import { readRepoFile } from './support/repo.js';

const workflow = parseWorkflow(readRepoFile('.github/workflows/ci-cd.yml'));
const CI = ['code-quality', 'test', 'build'];

describe('which jobs run for which event', () => {
  it('a pull request into main or develop runs the CI jobs and deploys nothing', () => {
    expect(jobsThatRun(workflow, pullRequestInto('main'))).toEqual(CI);
    expect(jobsThatRun(workflow, pullRequestInto('develop'))).toEqual(CI);
  });

  it('a push to develop builds and scans the image, then deploys staging only', () => {
    expect(jobsThatRun(workflow, pushTo('develop'))).toEqual([...CI, 'docker', 'deploy-staging']);
  });

  it('a push to main builds and scans the image, then deploys production only', () => {
    expect(jobsThatRun(workflow, pushTo('main'))).toEqual([...CI, 'docker', 'deploy-production']);
  });

  it('a release tag builds and scans the image (opsctl build reads the version from the tag) and deploys nothing', () => {
    expect(jobsThatRun(workflow, pushTag('v1.2.3'))).toEqual([...CI, 'docker']);
  });

  it('a manual dispatch runs only the rollback job', () => {
    expect(jobsThatRun(workflow, dispatchRollback('production', 'abc1234'))).toEqual(['rollback']);
  });
});

describe('what turbo compares with', () => {
  const filter = (context: Parameters<typeof interpolate>[1]) =>
    interpolate((workflow.raw.env as Record<string, string>).TURBO_SCM_BASE ?? '', context);

  it('a pull request: the base branch, so a pull request into main runs what changed since origin/main', () => {
    expect(filter(pullRequestInto('main'))).toBe('origin/main');
    expect(filter(pullRequestInto('develop'))).toBe('origin/develop');
  });

  it("a push: the branch's previous tip, so every pushed commit counts", () => {
    expect(filter(pushTo('main', 'b'.repeat(40)))).toBe('b'.repeat(40));
  });

  it('a new branch or a tag, which have no previous tip: the parent commit', () => {
    expect(filter(pushTo('develop', '0'.repeat(40)))).toBe('HEAD^1');
    expect(filter(pushTag('v1.2.3'))).toBe('HEAD^1');
  });
});

describe('the job graph', () => {
  it('chains code-quality, test, build and docker, and every deploy waits for all of them', () => {
    expect(jobById(workflow, 'test').needs).toEqual(['code-quality']);
    expect(jobById(workflow, 'build').needs).toEqual(['test']);
    expect(jobById(workflow, 'docker').needs).toEqual(['build']);
    for (const id of ['deploy-staging', 'deploy-production']) {
      expect([...upstreamJobs(workflow, id)].sort()).toEqual([...CI, 'docker'].sort());
    }
  });

  it('deploys to the staging and production environments, production backing up the database first', () => {
    expect(jobById(workflow, 'deploy-staging').environment).toBe('staging');
    expect(jobById(workflow, 'deploy-production').environment).toBe('production');
    const steps = jobById(workflow, 'deploy-production').steps.map((s) => s.run ?? s.uses ?? '');
    const backup = steps.findIndex((s) => s.includes('backup-database.sh production'));
    const deploy = steps.findIndex((s) => s.includes(' deploy production'));
    expect(backup).toBeGreaterThan(-1);
    expect(deploy).toBeGreaterThan(backup);
  });

  it('never runs two deploys of one environment at once and never cancels a running one; a rollback waits on opsctl’s lock instead (workflow-hygiene.test.ts)', () => {
    const groupOf = (id: string, context = pushTo('main')) => {
      const c = jobById(workflow, id).concurrency;
      expect(c, `${id} has a concurrency group`).toBeDefined();
      expect(c?.cancelInProgress, `${id} must not cancel a running deploy`).toBe(false);
      return interpolate(c?.group ?? '', context);
    };
    expect(groupOf('deploy-staging')).toBe('deploy-staging');
    expect(groupOf('deploy-production')).toBe('deploy-production');
    expect(jobById(workflow, 'rollback').concurrency).toBeUndefined();
    expect(
      interpolate(
        jobById(workflow, 'rollback').environment ?? '',
        dispatchRollback('staging', 'x'),
      ),
    ).toBe('staging');
  });

  it('cancels superseded pull request runs but never a run of a branch push', () => {
    const top = workflow.raw.concurrency as { 'cancel-in-progress': string };
    expect(interpolate(top['cancel-in-progress'], pullRequestInto('main'))).toBe('true');
    expect(interpolate(top['cancel-in-progress'], pushTo('main'))).toBe('false');
  });

  it('offers the rollback as a dispatch with an environment choice and a required SHA', () => {
    const dispatch = workflow.on.workflow_dispatch as {
      inputs: Record<string, Record<string, unknown>>;
    };
    expect(dispatch.inputs.environment).toMatchObject({
      type: 'choice',
      options: ['staging', 'production'],
      required: true,
    });
    expect(dispatch.inputs.sha).toMatchObject({ type: 'string', required: true });
  });
});

describe('permissions and secrets', () => {
  it('grants nothing at the top and only read access per job, except code scanning uploads for docker', () => {
    expect(workflow.permissions).toEqual({});
    for (const job of workflow.jobs) {
      expect(typeof job.permissions, `${job.id} declares its permissions`).toBe('object');
      const writes = Object.entries(job.permissions as Record<string, string>).filter(
        ([, v]) => v === 'write',
      );
      expect(
        writes.map(([k]) => k),
        job.id,
      ).toEqual(job.id === 'docker' ? ['security-events'] : []);
    }
  });

  it('never pastes a secret, an input or event data into a shell script', () => {
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        expect(step.run ?? '', `${job.id} / ${step.name ?? ''}`).not.toMatch(
          /\$\{\{[^}]*(secrets\.|inputs\.|github\.event\.|github\.head_ref)/,
        );
      }
    }
  });

  it('passes secrets to steps only through env and with, and never prints one', () => {
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        expect(step.run ?? '', `${job.id} / ${step.name ?? ''}`).not.toMatch(
          /\b(echo|printf|cat)\b[^\n]*\$\{?(DIGITALOCEAN_TOKEN|OPSCTL_DEPLOY_KEY|TURBO_TOKEN|VERCEL_TOKEN|SENTRY_AUTH_TOKEN|DATABASE_URL|REDIS_URL)/,
        );
      }
    }
  });
});
