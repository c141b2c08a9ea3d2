import { noContent, ok } from '../digitalocean/api-exchange.js';
import type { Router } from '../digitalocean/router.js';
import { githubError, invalidRequest, notFound, VARIABLES_DOCS } from './github-errors.js';
import { findScope, MAX_VALUE_BYTES, nameProblem, SCOPE_PREFIXES } from './find-scope.js';
import { githubPage } from './link-pagination.js';
import type { RepositoryState } from './scopes.js';

const view = (name: string, v: { value: string; createdAt: string; updatedAt: string }) => ({
  name,
  value: v.value,
  created_at: v.createdAt,
  updated_at: v.updatedAt,
});

function validValue(value: unknown): string {
  if (typeof value !== 'string') throw invalidRequest('"value" wasn\'t supplied.', VARIABLES_DOCS);
  if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) {
    throw githubError(
      422,
      'Variable value is too large. Variables are limited to 48 KB.',
      VARIABLES_DOCS,
    );
  }
  return value;
}

/** Actions variables of repositories and environments: readable values, unlike secrets. */
export function addVariableRoutes(
  router: Router,
  repositories: ReadonlyMap<string, RepositoryState>,
  now: () => string,
): void {
  for (const prefix of SCOPE_PREFIXES) {
    const base = `${prefix}/variables`;
    router.add('GET', base, (req, params) => {
      const scope = findScope(repositories, params, VARIABLES_DOCS);
      const all = [...scope.variables].sort(([a], [b]) => a.localeCompare(b));
      const page = githubPage(req, all, { defaultPerPage: 10, maxPerPage: 30 });
      return Promise.resolve({
        status: 200,
        body: { total_count: all.length, variables: page.items.map(([n, v]) => view(n, v)) },
        headers: page.headers,
      });
    });
    router.add('POST', base, (req, params) => {
      const scope = findScope(repositories, params, VARIABLES_DOCS);
      const body = (req.body ?? {}) as { name?: unknown; value?: unknown };
      if (typeof body.name !== 'string')
        throw invalidRequest('"name" wasn\'t supplied.', VARIABLES_DOCS);
      const problem = nameProblem('Variable', body.name);
      if (problem !== undefined) throw invalidRequest(problem, VARIABLES_DOCS);
      const value = validValue(body.value);
      const name = body.name.toUpperCase();
      if (scope.variables.has(name)) {
        throw githubError(409, 'Already exists - Variable already exists', VARIABLES_DOCS);
      }
      const time = now();
      scope.variables.set(name, { value, createdAt: time, updatedAt: time });
      return Promise.resolve(ok({}, 201));
    });
    router.add('GET', `${base}/{name}`, (_req, params) => {
      const scope = findScope(repositories, params, VARIABLES_DOCS);
      const name = (params.name ?? '').toUpperCase();
      const stored = scope.variables.get(name);
      if (stored === undefined) throw notFound(VARIABLES_DOCS);
      return Promise.resolve(ok(view(name, stored)));
    });
    router.add('PATCH', `${base}/{name}`, (req, params) => {
      const scope = findScope(repositories, params, VARIABLES_DOCS);
      const name = (params.name ?? '').toUpperCase();
      const stored = scope.variables.get(name);
      if (stored === undefined) throw notFound(VARIABLES_DOCS);
      const body = (req.body ?? {}) as { name?: unknown; value?: unknown };
      const value = body.value === undefined ? stored.value : validValue(body.value);
      const renamed = typeof body.name === 'string' ? body.name.toUpperCase() : name;
      scope.variables.delete(name);
      scope.variables.set(renamed, { value, createdAt: stored.createdAt, updatedAt: now() });
      return Promise.resolve(noContent());
    });
    router.add('DELETE', `${base}/{name}`, (_req, params) => {
      const scope = findScope(repositories, params, VARIABLES_DOCS);
      if (!scope.variables.delete((params.name ?? '').toUpperCase()))
        throw notFound(VARIABLES_DOCS);
      return Promise.resolve(noContent());
    });
  }
}
