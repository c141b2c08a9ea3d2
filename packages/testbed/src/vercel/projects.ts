import { randomBytes } from 'node:crypto';
import { forbidden, projectNotFound } from './vercel-errors.js';

export const VERCEL_TARGETS = ['production', 'preview', 'development'] as const;
export type VercelTarget = (typeof VERCEL_TARGETS)[number];
export const ENV_TYPES = ['system', 'secret', 'encrypted', 'plain', 'sensitive'] as const;
export type EnvType = (typeof ENV_TYPES)[number];

export interface StoredEnv {
  readonly id: string;
  readonly key: string;
  value: string;
  /** What a reader gets instead of the value: Vercel stores values encrypted. */
  sealed: string;
  type: EnvType;
  readonly target: VercelTarget[];
  readonly gitBranch: string | undefined;
  comment: string | undefined;
  readonly createdAt: number;
  updatedAt: number;
}

export interface ProjectState {
  readonly id: string;
  readonly name: string;
  /** The team that owns it; undefined for the personal account. */
  readonly teamId: string | undefined;
  readonly envs: StoredEnv[];
}

export const opaque = (): string => randomBytes(24).toString('base64');
export const envId = (): string => randomBytes(12).toString('base64url');

/**
 * The project a request means: by id or name, in the account the `teamId` query names (the
 * personal account without one). A team the token cannot reach is a 403, a project not in that
 * account a 404, as on Vercel.
 */
export function findProject(
  projects: readonly ProjectState[],
  idOrName: string,
  teamId: string | null,
): ProjectState {
  if (teamId !== null && !projects.some((p) => p.teamId === teamId)) throw forbidden();
  const found = projects.find(
    (p) => (p.id === idOrName || p.name === idOrName) && p.teamId === (teamId ?? undefined),
  );
  if (found === undefined) throw projectNotFound();
  return found;
}

/** An env var as the API shows it: never the plain value unless decrypted on request. */
export function envView(env: StoredEnv, decrypt: boolean): Record<string, unknown> {
  const readable = decrypt && (env.type === 'encrypted' || env.type === 'plain');
  return {
    target: env.target,
    type: env.type,
    id: env.id,
    key: env.key,
    value: readable || env.type === 'plain' ? env.value : env.sealed,
    configurationId: null,
    createdAt: env.createdAt,
    updatedAt: env.updatedAt,
    createdBy: 'opsctl-local',
    updatedBy: 'opsctl-local',
    ...(env.gitBranch === undefined ? {} : { gitBranch: env.gitBranch }),
    ...(env.comment === undefined ? {} : { comment: env.comment }),
    decrypted: readable,
  };
}
