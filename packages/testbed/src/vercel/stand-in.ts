import { timingSafeEqual } from 'node:crypto';
import { Router } from '../digitalocean/router.js';
import { InjectedFailures } from '../http-stand-in/injected-failures.js';
import { serveJsonApi, type RecordedCall } from '../http-stand-in/serve.js';
import { addEnvRoutes } from './env-routes.js';
import type { ProjectState, VercelTarget } from './projects.js';
import { badRequest, forbidden, vercelError } from './vercel-errors.js';

export interface VercelStandInOptions {
  /** The only bearer token accepted. */
  readonly token: string;
  readonly projects: readonly {
    readonly id: string;
    readonly name: string;
    readonly teamId?: string;
  }[];
  readonly port?: number;
  readonly log?: (line: string) => void;
}

export interface VercelStandIn {
  readonly url: string;
  /** For tests only (no HTTP route reaches it): the plain value of a variable for one target. */
  storedValue(project: string, key: string, target: VercelTarget): string | undefined;
  /** The comment, type and targets of a variable, as the dashboard shows them. */
  storedVariables(project: string): readonly {
    key: string;
    type: string;
    target: readonly string[];
    comment: string | undefined;
  }[];
  /** The next `times` requests matching `method` and `path` answer `status` in Vercel's shape. */
  failNext(method: string, path: RegExp, status: number, times?: number): void;
  requests(): readonly RecordedCall[];
  close(): Promise<void>;
}

/**
 * A local stand-in for Vercel's project environment variables API: `GET /v10/projects/{idOrName}/env`
 * and `POST /v10/projects/{idOrName}/env` (with `upsert=true`), bearer auth, `teamId` scoping,
 * `{ error: { code, message } }` errors and per-item `failed` entries inside a 201.
 */
export async function startVercelStandIn(opts: VercelStandInOptions): Promise<VercelStandIn> {
  if (opts.token === '') throw new Error('startVercelStandIn: token must not be empty');
  const projects: ProjectState[] = opts.projects.map((p) => ({
    id: p.id,
    name: p.name,
    teamId: p.teamId,
    envs: [],
  }));
  const router = new Router();
  addEnvRoutes(router, projects);
  const failures = new InjectedFailures();
  const server = await serveJsonApi({
    ...(opts.port === undefined ? {} : { port: opts.port }),
    router,
    failures,
    authorize: (req) => {
      const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
      const expected = Buffer.from(opts.token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forbidden();
    },
    badJson: () => badRequest('Invalid JSON body.'),
    notFound: () => vercelError(404, 'not_found', 'The requested path was not found.'),
    internalError: () =>
      vercelError(500, 'internal_server_error', 'An unexpected internal error occurred.'),
    ...(opts.log === undefined ? {} : { log: opts.log }),
  });
  const project = (idOrName: string): ProjectState | undefined =>
    projects.find((p) => p.id === idOrName || p.name === idOrName);
  return {
    url: server.url,
    storedValue: (idOrName, key, target) =>
      project(idOrName)?.envs.find((e) => e.key === key && e.target.includes(target))?.value,
    storedVariables: (idOrName) =>
      (project(idOrName)?.envs ?? []).map((e) => ({
        key: e.key,
        type: e.type,
        target: [...e.target],
        comment: e.comment,
      })),
    failNext(method, path, status, times = 1) {
      const code = status >= 500 ? 'internal_server_error' : 'injected';
      failures.add({
        method,
        path,
        status,
        body: { error: { code, message: 'Injected failure' } },
        times,
      });
    },
    requests: () => server.requests(),
    close: () => server.close(),
  };
}
