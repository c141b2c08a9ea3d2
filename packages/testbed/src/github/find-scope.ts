import { notFound } from './github-errors.js';
import type { RepositoryState, SecretScope } from './scopes.js';

/** The repository or environment a request names; GitHub answers 404 for either unknown. */
export function findScope(
  repositories: ReadonlyMap<string, RepositoryState>,
  params: Record<string, string>,
  docs: string,
): SecretScope {
  const repo = repositories.get(`${params.owner ?? ''}/${params.repo ?? ''}`.toLowerCase());
  if (repo === undefined) throw notFound(docs);
  const environment = params.environment_name;
  if (environment === undefined) return repo.scope;
  const found = repo.environments.get(environment.toLowerCase());
  if (found === undefined) throw notFound(docs);
  return found.scope;
}

/** Why GitHub refuses a secret or variable name, if it does. */
export function nameProblem(kind: 'Secret' | 'Variable', name: string): string | undefined {
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    return `${kind} names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_). Spaces are not allowed.`;
  }
  if (/^[0-9]/.test(name)) return `${kind} names must not start with a number.`;
  if (/^GITHUB_/i.test(name)) return `${kind} names must not start with the GITHUB_ prefix.`;
  return undefined;
}

/** GitHub stores secret and variable values of at most 48 KB. */
export const MAX_VALUE_BYTES = 48 * 1024;

/** The repository and environment prefixes every route exists under. */
export const SCOPE_PREFIXES = [
  '/repos/{owner}/{repo}/actions',
  '/repos/{owner}/{repo}/environments/{environment_name}',
] as const;
