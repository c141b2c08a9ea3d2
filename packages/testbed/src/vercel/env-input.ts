import { badRequest } from './vercel-errors.js';
import { ENV_TYPES, VERCEL_TARGETS, type EnvType, type VercelTarget } from './projects.js';

export interface EnvInput {
  readonly key: string;
  readonly value: string;
  readonly type: EnvType;
  readonly target: VercelTarget[];
  readonly gitBranch: string | undefined;
  readonly comment: string | undefined;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One item of a create request, checked as Vercel checks it; a 400 names what is wrong. */
export function readEnvInput(raw: unknown, index: number): EnvInput {
  const at = (field: string): string => (index < 0 ? field : `[${index}].${field}`);
  if (typeof raw !== 'object' || raw === null)
    throw badRequest(`Invalid request: ${at('body')} should be object.`);
  const item = raw as Record<string, unknown>;
  if (typeof item.key !== 'string' || !KEY.test(item.key)) {
    throw badRequest(`Invalid request: ${at('key')} should be a valid environment variable name.`);
  }
  if (typeof item.value !== 'string')
    throw badRequest(`Invalid request: ${at('value')} should be string.`);
  if (typeof item.type !== 'string' || !(ENV_TYPES as readonly string[]).includes(item.type)) {
    throw badRequest(
      `Invalid request: ${at('type')} should be equal to one of the allowed values.`,
    );
  }
  const target = item.target;
  if (
    !Array.isArray(target) ||
    target.length === 0 ||
    !target.every((t) => (VERCEL_TARGETS as readonly unknown[]).includes(t)) ||
    new Set(target).size !== target.length
  ) {
    throw badRequest(
      `Invalid request: ${at('target')} should be a list of production, preview, development.`,
    );
  }
  if (
    item.comment !== undefined &&
    (typeof item.comment !== 'string' || item.comment.length > 500)
  ) {
    throw badRequest(
      `Invalid request: ${at('comment')} should be a string of at most 500 characters.`,
    );
  }
  if (
    item.gitBranch !== undefined &&
    (typeof item.gitBranch !== 'string' || target.join() !== 'preview')
  ) {
    throw badRequest(
      `Invalid request: ${at('gitBranch')} is only allowed with the preview target.`,
    );
  }
  if (item.type === 'sensitive' && target.includes('development')) {
    throw badRequest(
      'Sensitive environment variables cannot be created in the Development environment.',
    );
  }
  return {
    key: item.key,
    value: item.value,
    type: item.type as EnvType,
    target: target as VercelTarget[],
    gitBranch: item.gitBranch,
    comment: item.comment,
  };
}
