import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../support/paths.js';
import { run, type RunResult } from '../../support/run.js';

/** One `run` step of a workflow job, as GitHub would run it. */
export interface WorkflowStep {
  readonly name: string;
  readonly run: string;
  /** The step's env, each value as written (e.g. `${{ secrets.NAME }}`). */
  readonly env: Readonly<Record<string, string>>;
}

interface Job {
  steps?: { name?: string; run?: string; env?: Record<string, string>; shell?: string }[];
}

/** The step of `job` in `.github/workflows/<file>` whose name is `name`; throws naming what is missing. */
export async function workflowStep(file: string, job: string, name: string): Promise<WorkflowStep> {
  const path = join(repoRoot, '.github/workflows', file);
  const workflow = parse(await readFile(path, 'utf8')) as { jobs?: Record<string, Job> };
  const step = workflow.jobs?.[job]?.steps?.find((s) => s.name === name);
  if (step?.run === undefined) throw new Error(`${path}: job ${job} has no run step "${name}"`);
  if (step.shell !== undefined && step.shell !== 'bash')
    throw new Error(`${path}: step "${name}" runs in ${step.shell}; only bash steps are run here`);
  return { name, run: step.run, env: step.env ?? {} };
}

/** The values `${{ secrets.X }}` and `${{ vars.X }}` stand for in a run of a step. */
export interface StepContext {
  secrets: Readonly<Record<string, string>>;
  vars: Readonly<Record<string, string>>;
}

/** The step's env with each expression replaced; an expression the context lacks is an error. */
export function stepEnv(step: WorkflowStep, context: StepContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, raw] of Object.entries(step.env)) {
    const match = /^\$\{\{\s*(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(raw);
    const value =
      match?.[1] && match[2] ? context[match[1] as keyof StepContext][match[2]] : undefined;
    if (value === undefined)
      throw new Error(`step "${step.name}": env ${key} is ${raw}, which this run has no value for`);
    env[key] = value;
  }
  return env;
}

/**
 * Runs the step's command as a GitHub runner does (`bash -e`, from the workspace) with only the
 * step's env beside a minimal PATH, HOME and locale: nothing else of the test's environment leaks in.
 */
export function runStep(
  step: WorkflowStep,
  context: StepContext,
  workspace: string,
  home: string,
): Promise<RunResult> {
  return run('bash', ['--noprofile', '--norc', '-e', '-c', step.run], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      LANG: 'C.UTF-8',
      CI: 'true',
      GITHUB_WORKSPACE: workspace,
      ...stepEnv(step, context),
    },
  });
}
