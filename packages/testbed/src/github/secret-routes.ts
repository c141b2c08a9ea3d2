import { noContent, ok } from '../digitalocean/api-exchange.js';
import type { Router } from '../digitalocean/router.js';
import { githubError, invalidRequest, notFound, SECRETS_DOCS } from './github-errors.js';
import { findScope, MAX_VALUE_BYTES, nameProblem, SCOPE_PREFIXES } from './find-scope.js';
import { githubPage } from './link-pagination.js';
import { openSealed, publicKeyBase64, type RepositoryState } from './scopes.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const view = (name: string, s: { createdAt: string; updatedAt: string }) => ({
  name,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

/**
 * Actions secrets of repositories and environments: the public key, listing (metadata only),
 * and create-or-update with a value sealed against that key, which is opened here to check it.
 */
export function addSecretRoutes(
  router: Router,
  repositories: ReadonlyMap<string, RepositoryState>,
  now: () => string,
): void {
  for (const prefix of SCOPE_PREFIXES) {
    const base = `${prefix}/secrets`;
    router.add('GET', `${base}/public-key`, (_req, params) => {
      const scope = findScope(repositories, params, SECRETS_DOCS);
      return Promise.resolve(ok({ key_id: scope.keyId, key: publicKeyBase64(scope) }));
    });
    router.add('GET', base, (req, params) => {
      const scope = findScope(repositories, params, SECRETS_DOCS);
      const all = [...scope.secrets].sort(([a], [b]) => a.localeCompare(b));
      const page = githubPage(req, all, { defaultPerPage: 30, maxPerPage: 100 });
      return Promise.resolve({
        status: 200,
        body: { total_count: all.length, secrets: page.items.map(([n, s]) => view(n, s)) },
        headers: page.headers,
      });
    });
    router.add('GET', `${base}/{secret_name}`, (_req, params) => {
      const scope = findScope(repositories, params, SECRETS_DOCS);
      const name = (params.secret_name ?? '').toUpperCase();
      const stored = scope.secrets.get(name);
      if (stored === undefined) throw notFound();
      return Promise.resolve(ok(view(name, stored)));
    });
    router.add('PUT', `${base}/{secret_name}`, (req, params) => {
      const scope = findScope(repositories, params, SECRETS_DOCS);
      const raw = params.secret_name ?? '';
      const problem = nameProblem('Secret', raw);
      if (problem !== undefined) throw invalidRequest(problem);
      const body = (req.body ?? {}) as { encrypted_value?: unknown; key_id?: unknown };
      if (typeof body.encrypted_value !== 'string' || !BASE64.test(body.encrypted_value)) {
        throw invalidRequest('"encrypted_value" wasn\'t supplied as base64.');
      }
      if (typeof body.key_id !== 'string') throw invalidRequest('"key_id" wasn\'t supplied.');
      if (body.key_id !== scope.keyId) {
        throw invalidRequest(`"key_id" ${body.key_id} is not the current public key.`);
      }
      const value = openSealed(scope, body.encrypted_value);
      if (value === undefined) {
        throw invalidRequest('"encrypted_value" could not be decrypted with the public key.');
      }
      if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) {
        throw githubError(422, 'Secret value is too large. Secrets are limited to 48 KB.');
      }
      const name = raw.toUpperCase();
      const previous = scope.secrets.get(name);
      const time = now();
      scope.secrets.set(name, { value, createdAt: previous?.createdAt ?? time, updatedAt: time });
      return Promise.resolve(previous === undefined ? ok({}, 201) : noContent());
    });
    router.add('DELETE', `${base}/{secret_name}`, (_req, params) => {
      const scope = findScope(repositories, params, SECRETS_DOCS);
      if (!scope.secrets.delete((params.secret_name ?? '').toUpperCase())) throw notFound();
      return Promise.resolve(noContent());
    });
  }
}
