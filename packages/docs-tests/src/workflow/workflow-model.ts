import { parse } from 'yaml';

/** A step as the checks read it; anything else a step holds is kept in `raw`. */
export interface WorkflowStep {
  readonly name: string | undefined;
  readonly uses: string | undefined;
  readonly run: string | undefined;
  readonly if: string | undefined;
  readonly env: Readonly<Record<string, string>>;
  readonly with: Readonly<Record<string, string>>;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface WorkflowJob {
  readonly id: string;
  readonly name: string | undefined;
  readonly needs: readonly string[];
  readonly if: string | undefined;
  /** The environment's name (`environment: x` or `environment: { name: x }`). */
  readonly environment: string | undefined;
  readonly concurrency: { readonly group: string; readonly cancelInProgress: unknown } | undefined;
  readonly permissions: Readonly<Record<string, string>> | string | undefined;
  readonly services: readonly string[];
  readonly steps: readonly WorkflowStep[];
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface Workflow {
  readonly name: string | undefined;
  readonly on: Readonly<Record<string, unknown>>;
  readonly permissions: Readonly<Record<string, string>> | string | undefined;
  readonly jobs: readonly WorkflowJob[];
  readonly raw: Readonly<Record<string, unknown>>;
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined;
const strings = (v: unknown): Record<string, string> =>
  isDict(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x) ?? ''])) : {};

function permissions(v: unknown): Record<string, string> | string | undefined {
  if (typeof v === 'string') return v;
  return isDict(v) ? strings(v) : undefined;
}

function step(v: unknown): WorkflowStep {
  const raw = isDict(v) ? v : {};
  return {
    name: str(raw.name),
    uses: str(raw.uses),
    run: str(raw.run),
    if: str(raw.if),
    env: strings(raw.env),
    with: strings(raw.with),
    raw,
  };
}

function job(id: string, v: unknown): WorkflowJob {
  const raw = isDict(v) ? v : {};
  const needs = Array.isArray(raw.needs)
    ? raw.needs.map((n) => str(n) ?? '')
    : raw.needs === undefined
      ? []
      : [str(raw.needs) ?? ''];
  const env = raw.environment;
  const concurrency = raw.concurrency;
  return {
    id,
    name: str(raw.name),
    needs,
    if: str(raw.if),
    environment: isDict(env) ? str(env.name) : str(env),
    concurrency: isDict(concurrency)
      ? { group: str(concurrency.group) ?? '', cancelInProgress: concurrency['cancel-in-progress'] }
      : typeof concurrency === 'string'
        ? { group: concurrency, cancelInProgress: undefined }
        : undefined,
    permissions: permissions(raw.permissions),
    services: isDict(raw.services) ? Object.keys(raw.services) : [],
    steps: Array.isArray(raw.steps) ? raw.steps.map(step) : [],
    raw,
  };
}

/** Parses a workflow file into the shape the checks read; YAML errors throw with their line. */
export function parseWorkflow(source: string): Workflow {
  const raw: unknown = parse(source, { prettyErrors: true });
  if (!isDict(raw)) throw new Error('a workflow must be a YAML mapping');
  const jobs = isDict(raw.jobs) ? Object.entries(raw.jobs).map(([id, v]) => job(id, v)) : [];
  const on = raw.on;
  return {
    name: str(raw.name),
    on: isDict(on)
      ? on
      : typeof on === 'string'
        ? { [on]: null }
        : Array.isArray(on)
          ? Object.fromEntries(on.map((e) => [String(e), null]))
          : {},
    permissions: permissions(raw.permissions),
    jobs,
    raw,
  };
}

/** The job with this id; throws naming the jobs there are, so a failing test says what is wrong. */
export function jobById(workflow: Workflow, id: string): WorkflowJob {
  const found = workflow.jobs.find((j) => j.id === id);
  if (found === undefined)
    throw new Error(`no job "${id}"; jobs: ${workflow.jobs.map((j) => j.id).join(', ')}`);
  return found;
}

/** Every job `id` depends on, directly or through other jobs. */
export function upstreamJobs(workflow: Workflow, id: string): Set<string> {
  const seen = new Set<string>();
  const visit = (jobId: string) => {
    for (const need of jobById(workflow, jobId).needs) {
      if (seen.has(need)) continue;
      seen.add(need);
      visit(need);
    }
  };
  visit(id);
  return seen;
}
