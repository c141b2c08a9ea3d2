import { ok } from '../digitalocean/api-exchange.js';
import type { Router } from '../digitalocean/router.js';
import { readEnvInput, type EnvInput } from './env-input.js';
import {
  envId,
  envView,
  findProject,
  opaque,
  type ProjectState,
  type StoredEnv,
} from './projects.js';

/** Vercel keeps each value under 64 KB. */
const MAX_VALUE_BYTES = 64 * 1024;

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Applies one item: a new variable, or with `upsert` the variable with the same key, targets and
 * branch gets the new value. Anything else with that key on one of those targets is a conflict,
 * reported in `failed` while the answer stays 201, as Vercel does.
 */
function apply(
  project: ProjectState,
  input: EnvInput,
  upsert: boolean,
): StoredEnv | Record<string, unknown> {
  const failure = (code: string, message: string): Record<string, unknown> => ({
    error: {
      code,
      message,
      key: input.key,
      envVarKey: input.key,
      target: input.target,
      project: project.name,
    },
  });
  if (Buffer.byteLength(input.value, 'utf8') > MAX_VALUE_BYTES) {
    return failure('env_value_too_large', `The value of \`${input.key}\` is larger than 64 KB.`);
  }
  const clashing = project.envs.filter(
    (e) =>
      e.key === input.key &&
      e.gitBranch === input.gitBranch &&
      e.target.some((t) => input.target.includes(t)),
  );
  const same = clashing.find((e) => sameSet(e.target, input.target));
  if (clashing.length > 0 && !(upsert && same !== undefined && clashing.length === 1)) {
    const target = clashing[0]?.target.find((t) => input.target.includes(t)) ?? input.target[0];
    return failure(
      'ENV_CONFLICT',
      `A variable with the name \`${input.key}\` already exists for the target ${target} on branch ${input.gitBranch ?? 'undefined'}`,
    );
  }
  const now = Date.now();
  if (same !== undefined) {
    Object.assign(same, {
      value: input.value,
      sealed: opaque(),
      type: input.type,
      comment: input.comment,
      updatedAt: now,
    });
    return same;
  }
  const created: StoredEnv = {
    id: envId(),
    key: input.key,
    value: input.value,
    sealed: opaque(),
    type: input.type,
    target: [...input.target],
    gitBranch: input.gitBranch,
    comment: input.comment,
    createdAt: now,
    updatedAt: now,
  };
  project.envs.push(created);
  return created;
}

/** Project environment variables: list (values stay encrypted) and create-or-update. */
export function addEnvRoutes(router: Router, projects: readonly ProjectState[]): void {
  for (const version of ['v9', 'v10']) {
    router.add('GET', `/${version}/projects/{idOrName}/env`, (req, params) => {
      const project = findProject(projects, params.idOrName ?? '', req.query.get('teamId'));
      const decrypt = req.query.get('decrypt') === 'true';
      const branch = req.query.get('gitBranch');
      const envs = project.envs.filter((e) => branch === null || e.gitBranch === branch);
      return Promise.resolve(ok({ envs: envs.map((e) => envView(e, decrypt)) }));
    });
  }
  router.add('POST', '/v10/projects/{idOrName}/env', (req, params) => {
    const project = findProject(projects, params.idOrName ?? '', req.query.get('teamId'));
    const single = !Array.isArray(req.body);
    const items = single ? [readEnvInput(req.body, -1)] : (req.body as unknown[]).map(readEnvInput);
    const upsert = req.query.get('upsert') === 'true';
    const created: Record<string, unknown>[] = [];
    const failed: Record<string, unknown>[] = [];
    for (const item of items) {
      const result = apply(project, item, upsert);
      if ('error' in result) failed.push(result);
      else created.push(envView(result as StoredEnv, false));
    }
    return Promise.resolve(ok({ created: single ? (created[0] ?? []) : created, failed }, 201));
  });
}
