import type { VercelEnvironment } from '../../config/types.js';
import { SecretsApiFailure } from '../http/api-failure.js';
import type { JsonAnswer, JsonApi } from '../http/json-api.js';
import type { Secret } from '../secret.js';

export interface VercelProjectRef {
  readonly project: string;
  readonly teamId: string | undefined;
}

/** A project variable as listed (values stay encrypted; opsctl never asks to decrypt). */
export interface VercelEnvVar {
  readonly key: string;
  readonly type: string;
  readonly target: readonly string[];
  readonly gitBranch: string | undefined;
  readonly comment: string | undefined;
  readonly updatedAt: number | undefined;
}

export interface VercelUpsert {
  readonly key: string;
  readonly value: Secret;
  readonly type: 'encrypted' | 'sensitive';
  readonly target: VercelEnvironment;
  readonly comment: string;
}

const describe = (ref: VercelProjectRef): string =>
  `Vercel project ${ref.project}${ref.teamId === undefined ? '' : ` (team ${ref.teamId})`}`;

/** The two project environment variable endpoints opsctl uses. */
export class VercelApi {
  constructor(private readonly http: JsonApi) {}

  async list(ref: VercelProjectRef): Promise<VercelEnvVar[]> {
    const answer = await this.http.request({
      method: 'GET',
      target: `/v10/projects/${encodeURIComponent(ref.project)}/env`,
      query: { teamId: ref.teamId, decrypt: 'false' },
    });
    if (answer.status !== 200) throw failure(answer, `list the variables of ${describe(ref)}`);
    const envs = (answer.body as { envs?: unknown } | undefined)?.envs;
    if (!Array.isArray(envs)) throw failure(answer, `read the variables of ${describe(ref)}`);
    return (envs as Record<string, unknown>[]).map((e) => ({
      key: String(e.key),
      type: String(e.type),
      target: Array.isArray(e.target) ? e.target.map(String) : [String(e.target)],
      gitBranch: typeof e.gitBranch === 'string' ? e.gitBranch : undefined,
      comment: typeof e.comment === 'string' ? e.comment : undefined,
      updatedAt: typeof e.updatedAt === 'number' ? e.updatedAt : undefined,
    }));
  }

  /**
   * Creates or updates one variable for one target (`upsert=true`). Vercel answers 201 even when
   * it did nothing: an entry in `failed` is a failure.
   */
  async upsert(ref: VercelProjectRef, item: VercelUpsert): Promise<void> {
    const answer = await this.http.request({
      method: 'POST',
      target: `/v10/projects/${encodeURIComponent(ref.project)}/env`,
      query: { upsert: 'true', teamId: ref.teamId },
      body: {
        key: item.key,
        value: item.value.reveal(),
        type: item.type,
        target: [item.target],
        comment: item.comment,
      },
    });
    if (answer.status !== 200 && answer.status !== 201) {
      throw failure(answer, `set ${item.key} (${item.target}) in ${describe(ref)}`);
    }
    const failed = (answer.body as { failed?: unknown } | undefined)?.failed;
    if (Array.isArray(failed) && failed.length > 0) {
      const error = (failed[0] as { error?: { code?: unknown; message?: unknown } }).error;
      const code = typeof error?.code === 'string' ? error.code : 'failed';
      const reason = typeof error?.message === 'string' ? error.message : 'no reason given';
      throw new SecretsApiFailure(
        'Vercel',
        answer.status,
        `Vercel did not set ${item.key} (${item.target}) in ${describe(ref)}: ${code}: ${reason}`,
        'A variable with this name may already exist for an overlapping set of targets: remove it in the Vercel dashboard or make opsctl.yaml match it.',
      );
    }
  }
}

const HINTS: Readonly<Record<number, string>> = {
  401: 'Vercel refused the token: set OPSCTL_VERCEL_TOKEN (or VERCEL_TOKEN) to a valid token.',
  403: 'The token may not reach this project or team: check VERCEL_TOKEN and teamId in opsctl.yaml.',
  404: 'Check the project and teamId in opsctl.yaml: Vercel finds team projects only with the right teamId.',
  400: 'Vercel refused the request as sent; the message says why.',
};

function failure(answer: JsonAnswer, doing: string): SecretsApiFailure {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | undefined)
    ?.error;
  const reason =
    error === undefined ? 'no reason given' : `${String(error.code)}: ${String(error.message)}`;
  return new SecretsApiFailure(
    'Vercel',
    answer.status,
    `Vercel could not ${doing}: ${answer.status} ${reason}`,
    HINTS[answer.status] ?? 'Vercel failed; try again later (https://www.vercel-status.com).',
  );
}
