import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Router } from '../digitalocean/router.js';
import { HttpFailure } from '../http-stand-in/http-failure.js';
import { InjectedFailures } from '../http-stand-in/injected-failures.js';
import { serveJsonApi, type RecordedCall } from '../http-stand-in/serve.js';
import { githubError } from './github-errors.js';
import { newScope, type RepositoryState } from './scopes.js';
import { addSecretRoutes } from './secret-routes.js';
import { addVariableRoutes } from './variable-routes.js';

export interface GitHubStandInOptions {
  /** The only token accepted (as `Bearer` or `token`). */
  readonly token: string;
  /** Repositories that exist, with their environments. */
  readonly repositories: readonly {
    readonly name: string;
    readonly environments?: readonly string[];
  }[];
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  readonly port?: number;
  readonly log?: (line: string) => void;
}

export interface GitHubStandIn {
  readonly url: string;
  /**
   * For tests only (no HTTP route reaches it): the value GitHub would hold for a secret, as
   * opened from the sealed box it was sent in.
   */
  openedSecret(
    repository: string,
    environment: string | undefined,
    name: string,
  ): string | undefined;
  /** The next `times` requests matching `method` and `path` answer `status` with GitHub's body. */
  failNext(method: string, path: RegExp, status: number, times?: number): void;
  requests(): readonly RecordedCall[];
  close(): Promise<void>;
}

const API_VERSIONS = ['2022-11-28', '2026-03-10'];

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function authorize(req: IncomingMessage, token: string): void {
  const version = req.headers['x-github-api-version'];
  if (typeof version === 'string' && !API_VERSIONS.includes(version)) {
    throw githubError(400, `Unsupported 'X-GitHub-Api-Version' header: ${version}`);
  }
  const header = req.headers.authorization;
  if (header === undefined)
    throw githubError(401, 'Requires authentication', 'https://docs.github.com/rest');
  const given = /^(?:Bearer|token) (.+)$/i.exec(header)?.[1] ?? '';
  if (!sameToken(given, token))
    throw githubError(401, 'Bad credentials', 'https://docs.github.com/rest');
}

/**
 * A local stand-in for GitHub's Actions secrets and variables REST API (version 2022-11-28):
 * the documented paths, status codes (201 on create, 204 on update), error bodies and Link
 * pagination. Each repository and environment holds a real libsodium key pair and opens every
 * sealed value sent to it, so a wrongly sealed secret is refused as GitHub would refuse it.
 */
export async function startGitHubStandIn(opts: GitHubStandInOptions): Promise<GitHubStandIn> {
  if (opts.token === '') throw new Error('startGitHubStandIn: token must not be empty');
  const repositories = new Map<string, RepositoryState>();
  for (const repo of opts.repositories) {
    const environments = new Map<
      string,
      { name: string; scope: Awaited<ReturnType<typeof newScope>> }
    >();
    for (const name of repo.environments ?? []) {
      environments.set(name.toLowerCase(), { name, scope: await newScope() });
    }
    repositories.set(repo.name.toLowerCase(), {
      fullName: repo.name,
      scope: await newScope(),
      environments,
    });
  }
  // GitHub's timestamps have whole seconds.
  const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const router = new Router();
  addSecretRoutes(router, repositories, now);
  addVariableRoutes(router, repositories, now);
  const failures = new InjectedFailures();
  const server = await serveJsonApi({
    ...(opts.port === undefined ? {} : { port: opts.port }),
    router,
    failures,
    authorize: (req) => {
      authorize(req, opts.token);
    },
    badJson: () => githubError(400, 'Problems parsing JSON'),
    notFound: () => githubError(404, 'Not Found', 'https://docs.github.com/rest'),
    internalError: () => githubError(500, 'Server Error'),
    ...(opts.log === undefined ? {} : { log: opts.log }),
  });
  return {
    url: server.url,
    openedSecret(repository, environment, name) {
      const repo = repositories.get(repository.toLowerCase());
      const scope =
        environment === undefined
          ? repo?.scope
          : repo?.environments.get(environment.toLowerCase())?.scope;
      return scope?.secrets.get(name.toUpperCase())?.value;
    },
    failNext(method, path, status, times = 1) {
      const failure: HttpFailure = githubError(
        status,
        status >= 500 ? 'Server Error' : 'Injected failure',
      );
      failures.add({ method, path, status, body: failure.body, times });
    },
    requests: () => server.requests(),
    close: () => server.close(),
  };
}
