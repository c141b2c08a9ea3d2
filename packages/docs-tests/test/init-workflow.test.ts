import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInvocation } from '../src/invocation/check-invocation.js';
import { findInvocations, strayMentions } from '../src/invocation/find-invocations.js';
import { actionRefs, pinProblems } from '../src/workflow/action-refs.js';
import { interpolate, jobsThatRun } from '../src/workflow/evaluate.js';
import { collectExpressions, expressionProblem } from '../src/workflow/expressions.js';
import { lockWaitMinutes, secretsIn } from '../src/workflow/step-secrets.js';
import { schemaProblems } from '../src/workflow/validate-schema.js';
import { parseWorkflow, type Workflow } from '../src/workflow/workflow-model.js';
import { dispatchRollback, pushTo } from './support/events.js';
import { manifest } from './support/manifest.js';
import { repoRoot } from './support/repo.js';

// The workflow `opsctl init` writes into another repository, held to the checks this
// repository's own workflow passes. The CLI is built before these tests (turbo's dependsOn).
const base = mkdtempSync(join(tmpdir(), 'opsctl-init-workflow-'));
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

/** Runs the built `opsctl init` in a new git repository `shop` (or a folder of it) and reads the workflow. */
function initWorkflow(folder = '.'): { source: string; workflow: Workflow } {
  const repo = mkdtempSync(join(base, 'shop-'));
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' };
  execFileSync('git', ['init', '-q', repo], { env: { ...env, GIT_CONFIG_GLOBAL: '/dev/null' } });
  const dir = join(repo, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:24-slim\nEXPOSE 8080\n');
  const bin = join(repoRoot, 'packages', 'cli', 'bin', 'run.js');
  const args = ['init', '--yes', '--secret', 'DATABASE_URL', '--secret', 'API_KEY'];
  execFileSync(process.execPath, [bin, ...args], { cwd: dir, env, stdio: 'pipe' });
  const source = readFileSync(join(repo, '.github', 'workflows', 'opsctl.yml'), 'utf8');
  return { source, workflow: parseWorkflow(source) };
}

const { source, workflow } = initWorkflow();
const steps = workflow.jobs.flatMap((job) => job.steps.map((step) => ({ job, step })));
const calls = steps.flatMap(({ job, step }) =>
  findInvocations(step.run ?? '').map((i) => ({ ...i, where: `${job.id} / ${step.name ?? ''}` })),
);
/** The opsctl command a step runs (`deploy`, `push`), if any. */
const commandOf = (run: string | undefined) => {
  const found = findInvocations(run ?? '')[0];
  return found === undefined ? undefined : checkInvocation(manifest, found.argv).command;
};

describe('the workflow opsctl init writes', () => {
  it('passes action-validator, GitHub’s expression parser, the pin policy and yamllint', () => {
    expect(schemaProblems(source)).toEqual([]);
    const expressions = collectExpressions(workflow.raw);
    expect(expressions.length).toBeGreaterThan(5);
    expect(expressions.flatMap((e) => expressionProblem(e.expression) ?? [])).toEqual([]);
    expect(actionRefs(source).length).toBeGreaterThan(0);
    expect(pinProblems(actionRefs(source))).toEqual([]);
    const file = join(base, 'opsctl.yml');
    writeFileSync(file, source);
    // Throws with yamllint's report when it finds a problem.
    execFileSync('yamllint', ['--strict', '-c', join(repoRoot, '.github', 'yamllint.yml'), file], {
      stdio: 'pipe',
    });
  });

  it('calls opsctl as users write it, for build, push, deploy and rollback, each parsing against the CLI', () => {
    expect(new Set(calls.map((c) => c.launcher))).toEqual(new Set(['opsctl']));
    expect(calls.map((c) => checkInvocation(manifest, c.argv).command)).toEqual([
      'build',
      'push',
      'deploy',
      'deploy',
      'rollback',
    ]);
    const problems = calls.flatMap((c) => {
      const result = checkInvocation(manifest, c.argv);
      return result.ok ? [] : result.problems.map((p) => `${c.where}: ${p}`);
    });
    expect(problems).toEqual([]);
    for (const { step } of steps) expect(strayMentions(step.run ?? '')).toEqual([]);
  });

  it('deploys each environment at the run’s commit, and rolls back the chosen one to the chosen SHA', () => {
    expect(calls.filter((c) => c.argv[0] === 'deploy').map((c) => c.argv.slice(0, 4))).toEqual([
      ['deploy', 'staging', '--sha', '$GITHUB_SHA'],
      ['deploy', 'production', '--sha', '$GITHUB_SHA'],
    ]);
    const rollback = steps.find(({ step }) => commandOf(step.run) === 'rollback')?.step;
    expect(findInvocations(rollback?.run ?? '')[0]?.argv.slice(0, 4)).toEqual([
      'rollback',
      '$ROLLBACK_ENV',
      '--sha',
      '$ROLLBACK_SHA',
    ]);
    expect(rollback?.env).toMatchObject({
      ROLLBACK_ENV: '${{ inputs.environment }}',
      ROLLBACK_SHA: '${{ inputs.sha }}',
    });
    expect(jobsThatRun(workflow, pushTo('main'))).toEqual([
      'image',
      'deploy-staging',
      'deploy-production',
    ]);
    expect(jobsThatRun(workflow, dispatchRollback('production', 'a'.repeat(40)))).toEqual([
      'rollback',
    ]);
  });

  it('gives secrets only to the steps that use them', () => {
    expect(secretsIn(workflow.raw.env)).toEqual([]);
    for (const job of workflow.jobs) expect(secretsIn(job.raw.env), job.id).toEqual([]);
    const holders = (name: string) =>
      steps
        .filter(({ step }) => secretsIn(step.env).includes(name))
        .map(({ step }) => commandOf(step.run) ?? step.name);
    expect(holders('DIGITALOCEAN_TOKEN')).toEqual(['push', 'deploy', 'deploy', 'rollback']);
    for (const name of ['DATABASE_URL', 'API_KEY'])
      expect(holders(name), name).toEqual(['deploy', 'deploy', 'rollback']);
    expect(holders('OPSCTL_DEPLOY_KEY')).toEqual(Array(3).fill('Install the deploy key'));
    for (const { step } of steps.filter(({ step }) => step.uses !== undefined))
      expect(secretsIn(step.raw), step.uses).toEqual([]);
    for (const { step } of steps.filter(({ step }) => step.run !== undefined)) {
      for (const [name, value] of Object.entries(step.env)) {
        if (secretsIn(value).length === 0) continue;
        const used = (step.run ?? '').includes(name) || commandOf(step.run) !== undefined;
        expect(used, `${step.name ?? ''}: ${name}`).toBe(true);
      }
    }
  });

  it('never cancels a deploy or rollback that has started, and gives a dispatched rollback a group of its own', () => {
    const concurrency = workflow.raw.concurrency as {
      group: string;
      'cancel-in-progress': unknown;
    };
    for (const context of [pushTo('main'), dispatchRollback('staging', 'a'.repeat(40))]) {
      expect(String(concurrency['cancel-in-progress'])).toBe('false');
      expect(interpolate(String(concurrency['cancel-in-progress']), context)).toBe('false');
    }
    for (const job of workflow.jobs) expect(job.concurrency?.cancelInProgress ?? false).toBe(false);
    const group = (context: Parameters<typeof interpolate>[1]) =>
      interpolate(concurrency.group, context);
    const first = group(dispatchRollback('production', 'a'.repeat(40), '1001'));
    expect(first).not.toBe(group(dispatchRollback('production', 'b'.repeat(40), '1002')));
    expect(first).not.toBe(group(pushTo('main')));
    const rollback = workflow.jobs.find((j) => j.id === 'rollback');
    expect(rollback?.concurrency).toBeUndefined();
  });

  it('serialises a rollback with deploys through opsctl’s lock, waiting longer than a deploy job runs', () => {
    const deployJobs = workflow.jobs.filter((j) =>
      j.steps.some((s) => commandOf(s.run) === 'deploy'),
    );
    const longestDeploy = Math.max(...deployJobs.map((j) => Number(j.raw['timeout-minutes'])));
    const rollback = workflow.jobs.find((j) => j.id === 'rollback');
    const wait = lockWaitMinutes(
      rollback?.steps.find((s) => commandOf(s.run) === 'rollback')?.run ?? '',
    );
    expect(wait).toBeGreaterThan(longestDeploy);
    expect(Number(rollback?.raw['timeout-minutes'])).toBeGreaterThan(wait);
    for (const job of deployJobs)
      for (const s of job.steps.filter((x) => commandOf(x.run) === 'deploy'))
        expect(lockWaitMinutes(s.run ?? '')).toBeGreaterThan(0);
  });

  it('from a folder below the repository root, lands at the root and runs opsctl in that folder', () => {
    const nested = initWorkflow('services/shop');
    expect(schemaProblems(nested.source)).toEqual([]);
    expect(nested.workflow.raw.defaults).toEqual({ run: { 'working-directory': 'services/shop' } });
  });
});
