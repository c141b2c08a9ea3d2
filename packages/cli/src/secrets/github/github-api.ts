import { SecretsApiFailure } from '../http/api-failure.js';
import type { JsonAnswer, JsonApi } from '../http/json-api.js';

/** Where GitHub secrets live: a repository, or one of its environments. */
export interface GitHubScope {
  /** owner/name */
  readonly repository: string;
  readonly environment: string | undefined;
}

export interface GitHubSecretInfo {
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const describeScope = (scope: GitHubScope): string =>
  scope.environment === undefined
    ? `github:${scope.repository}`
    : `github:${scope.repository} (environment ${scope.environment})`;

/** The REST paths of a scope, as GitHub documents them (API version 2022-11-28). */
function base(scope: GitHubScope, kind: 'secrets' | 'variables'): string {
  const repo = scope.repository.split('/').map(encodeURIComponent).join('/');
  return scope.environment === undefined
    ? `/repos/${repo}/actions/${kind}`
    : `/repos/${repo}/environments/${encodeURIComponent(scope.environment)}/${kind}`;
}

/**
 * The GitHub Actions secrets and variables endpoints opsctl uses. Variables hold what opsctl
 * needs to read back (fingerprints); secrets can never be read, only listed by name.
 */
export class GitHubApi {
  constructor(private readonly http: JsonApi) {}

  async publicKey(scope: GitHubScope): Promise<{ keyId: string; key: string }> {
    const answer = await this.http.request({
      method: 'GET',
      target: `${base(scope, 'secrets')}/public-key`,
    });
    const body = expectOk(answer, 'read the public key of', scope) as Record<string, unknown>;
    if (typeof body.key_id !== 'string' || typeof body.key !== 'string') {
      throw invalid('the public key', scope);
    }
    return { keyId: body.key_id, key: body.key };
  }

  async listSecrets(scope: GitHubScope): Promise<GitHubSecretInfo[]> {
    const all: GitHubSecretInfo[] = [];
    let next: string | undefined = base(scope, 'secrets');
    let query: Record<string, string> | undefined = { per_page: '100' };
    while (next !== undefined) {
      const answer = await this.http.request({ method: 'GET', target: next, query });
      const body = expectOk(answer, 'list the secrets of', scope) as { secrets?: unknown };
      if (!Array.isArray(body.secrets)) throw invalid('the secret list', scope);
      for (const item of body.secrets as Record<string, unknown>[]) {
        if (typeof item.name !== 'string') throw invalid('the secret list', scope);
        all.push({
          name: item.name,
          createdAt: String(item.created_at),
          updatedAt: String(item.updated_at),
        });
      }
      next = nextLink(answer.headers.get('link'));
      query = undefined; // the next link carries the query
    }
    return all;
  }

  /** Creates or replaces a secret with a sealed value: 201 when created, 204 when updated. */
  async putSecret(
    scope: GitHubScope,
    name: string,
    sealed: { encryptedValue: string; keyId: string },
  ): Promise<'created' | 'updated'> {
    const answer = await this.http.request({
      method: 'PUT',
      target: `${base(scope, 'secrets')}/${encodeURIComponent(name)}`,
      body: { encrypted_value: sealed.encryptedValue, key_id: sealed.keyId },
    });
    if (answer.status === 201) return 'created';
    if (answer.status === 204) return 'updated';
    throw failure(answer, `set secret ${name} in`, scope);
  }

  /** A variable's value, or undefined when it does not exist. */
  async getVariable(scope: GitHubScope, name: string): Promise<string | undefined> {
    const answer = await this.http.request({
      method: 'GET',
      target: `${base(scope, 'variables')}/${encodeURIComponent(name)}`,
    });
    if (answer.status === 404 && (await this.#scopeExists(scope))) return undefined;
    const body = expectOk(answer, `read variable ${name} of`, scope) as { value?: unknown };
    if (typeof body.value !== 'string') throw invalid(`variable ${name}`, scope);
    return body.value;
  }

  /** Creates the variable (201) or, when it exists, updates it (204). */
  async setVariable(scope: GitHubScope, name: string, value: string): Promise<void> {
    const update = await this.http.request({
      method: 'PATCH',
      target: `${base(scope, 'variables')}/${encodeURIComponent(name)}`,
      body: { name, value },
    });
    if (update.status === 204) return;
    if (update.status !== 404) throw failure(update, `update variable ${name} of`, scope);
    const create = await this.http.request({
      method: 'POST',
      target: base(scope, 'variables'),
      body: { name, value },
    });
    if (create.status !== 201) throw failure(create, `create variable ${name} in`, scope);
  }

  /** A 404 on a variable means "no such variable" only if the scope itself exists. */
  async #scopeExists(scope: GitHubScope): Promise<boolean> {
    const answer = await this.http.request({
      method: 'GET',
      target: `${base(scope, 'secrets')}/public-key`,
    });
    return answer.status === 200;
  }
}

function expectOk(answer: JsonAnswer, doing: string, scope: GitHubScope): unknown {
  if (answer.status !== 200) throw failure(answer, doing, scope);
  if (typeof answer.body !== 'object' || answer.body === null) throw invalid('an answer', scope);
  return answer.body;
}

/** The `rel="next"` URL of a Link header (GitHub's pagination). */
export function nextLink(header: string | null): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

const HINTS: Readonly<Record<number, string>> = {
  401: 'The token was refused: set OPSCTL_GITHUB_TOKEN (or GITHUB_TOKEN) to a valid token.',
  403: 'The token may not do this: it needs the "Secrets" and "Variables" repository permissions (write), and "Environments" (read) for environment secrets. The Actions GITHUB_TOKEN cannot write secrets; use a fine-grained token or a GitHub App token.',
  404: 'Check github.repository and the environment name in opsctl.yaml, and that the token can see that repository (GitHub answers 404 when it cannot).',
  422: 'GitHub refused the request as sent; the message says why.',
};

function failure(answer: JsonAnswer, doing: string, scope: GitHubScope): SecretsApiFailure {
  const body = answer.body as { message?: unknown } | undefined;
  const reason = typeof body?.message === 'string' ? body.message : 'no reason given';
  return new SecretsApiFailure(
    'GitHub',
    answer.status,
    `GitHub could not ${doing} ${describeScope(scope)}: ${answer.status} ${reason}`,
    HINTS[answer.status] ?? 'GitHub failed; try again later (https://www.githubstatus.com).',
  );
}

function invalid(what: string, scope: GitHubScope): SecretsApiFailure {
  return new SecretsApiFailure(
    'GitHub',
    200,
    `GitHub answered in an unexpected shape for ${what} of ${describeScope(scope)}`,
    'Check that OPSCTL_GITHUB_API_URL / GITHUB_API_URL points at the GitHub REST API.',
  );
}
