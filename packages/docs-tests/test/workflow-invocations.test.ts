import { describe, expect, it } from 'vitest';
import { checkInvocation } from '../src/invocation/check-invocation.js';
import { findInvocations, strayMentions } from '../src/invocation/find-invocations.js';
import { parseWorkflow } from '../src/workflow/workflow-model.js';
import { manifest } from './support/manifest.js';
import { readRepoFile } from './support/repo.js';

const workflow = parseWorkflow(readRepoFile('.github/workflows/ci-cd.yml'));
const scripts = workflow.jobs.flatMap((job) =>
  job.steps
    .filter((s) => s.run !== undefined)
    .map((s) => ({ where: `${job.id} / ${s.name ?? ''}`, run: s.run ?? '' })),
);

describe('opsctl as the workflow calls it', () => {
  const calls = scripts.flatMap((s) =>
    findInvocations(s.run).map((i) => ({ ...i, where: s.where })),
  );

  it('calls opsctl one way, as users write it, for build, push, secrets sync, deploy and rollback', () => {
    expect(new Set(calls.map((c) => c.launcher))).toEqual(new Set(['opsctl']));
    const commands = new Set(calls.map((c) => checkInvocation(manifest, c.argv).command));
    expect([...commands].sort()).toEqual(['build', 'deploy', 'push', 'rollback', 'secrets:sync']);
  });

  it('every opsctl call parses against the CLI: the command exists, and so does every flag', () => {
    const problems = calls.flatMap((c) => {
      const result = checkInvocation(manifest, c.argv);
      return result.ok ? [] : result.problems.map((p) => `${c.where}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('runs no step through packages/cli/bin/run.js', () => {
    for (const s of scripts) expect(s.run, s.where).not.toContain('packages/cli/bin/run.js');
  });

  it('puts opsctl on PATH with the setup-opsctl action in every job that calls it, before the first call', () => {
    const jobs = workflow.jobs.filter((job) =>
      job.steps.some((s) => findInvocations(s.run ?? '').length > 0),
    );
    expect(jobs.map((j) => j.id).sort()).toEqual([
      'deploy-production',
      'deploy-staging',
      'docker',
      'rollback',
    ]);
    for (const job of jobs) {
      const setup = job.steps.findIndex((s) => s.uses === './.github/actions/setup-opsctl');
      const firstCall = job.steps.findIndex((s) => findInvocations(s.run ?? '').length > 0);
      expect(setup, `${job.id} uses ./.github/actions/setup-opsctl`).toBeGreaterThanOrEqual(0);
      expect(setup, `${job.id}: setup-opsctl before the first opsctl call`).toBeLessThan(firstCall);
    }
  });

  it('has no opsctl call the parser could miss', () => {
    for (const s of scripts) expect(strayMentions(s.run), s.where).toEqual([]);
  });

  it('deploys and rolls back exactly the environment of the job, at the commit of the run', () => {
    const deployArgs = (job: string) =>
      workflow.jobs
        .find((j) => j.id === job)
        ?.steps.flatMap((s) => findInvocations(s.run ?? ''))
        .find((i) => i.argv[0] === 'deploy')?.argv;
    expect(deployArgs('deploy-staging')?.slice(0, 4)).toEqual([
      'deploy',
      'staging',
      '--sha',
      '$GITHUB_SHA',
    ]);
    expect(deployArgs('deploy-production')?.slice(0, 4)).toEqual([
      'deploy',
      'production',
      '--sha',
      '$GITHUB_SHA',
    ]);
    const rollback = calls.find((c) => c.argv[0] === 'rollback');
    expect(rollback?.argv.slice(0, 4)).toEqual([
      'rollback',
      '$ROLLBACK_ENV',
      '--sha',
      '$ROLLBACK_SHA',
    ]);
  });
});

describe('checking a command line against the manifest', () => {
  const problemsOf = (line: string) => {
    const result = checkInvocation(manifest, line.split(' '));
    return result.ok ? [] : result.problems;
  };

  it('accepts real commands with their flags, global flags and --no- forms that exist', () => {
    expect(
      problemsOf('deploy staging --sha abc --lock-wait 10m --no-auto-rollback --json'),
    ).toEqual([]);
    expect(problemsOf('rollback production --sha=abc --verbose --config opsctl.yaml')).toEqual([]);
    expect(problemsOf('images prune staging --keep 5 --dry-run')).toEqual([]);
    expect(problemsOf('config schema -o -')).toEqual([]);
    expect(problemsOf('--version')).toEqual([]);
    expect(problemsOf('deploy --help')).toEqual([]);
  });

  it('rejects a command that does not exist, naming the ones that do', () => {
    expect(problemsOf('github protect main')[0]).toMatch(
      /"opsctl github protect" is not a command; commands: .*build, .*deploy/,
    );
  });

  it('rejects a flag the command does not have', () => {
    expect(problemsOf('push --sha abc')[0]).toContain('opsctl push has no flag --sha');
    expect(problemsOf('deploy staging --force')[0]).toContain('has no flag --force');
  });

  it('rejects --no- on a flag that cannot be negated', () => {
    expect(problemsOf('deploy staging --no-dry-run')[0]).toContain('--dry-run cannot be negated');
  });

  it('rejects an option flag without its value and a boolean flag given one', () => {
    expect(problemsOf('deploy staging --sha')[0]).toContain('--sha needs a value');
    expect(problemsOf('deploy staging --sha --dry-run')[0]).toContain('--sha needs a value');
    expect(problemsOf('deploy staging --dry-run=yes')[0]).toContain('--dry-run takes no value');
  });

  it('rejects more arguments than the command declares', () => {
    expect(problemsOf('deploy staging production')[0]).toContain(
      'opsctl deploy takes at most 1 argument(s) (env)',
    );
    expect(problemsOf('push staging')[0]).toContain('opsctl push takes no arguments');
  });
});
