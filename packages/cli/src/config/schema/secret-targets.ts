import { z } from 'zod';
import { slugName } from './primitives.js';

/** Vercel environments a variable can apply to. */
export const VERCEL_ENVIRONMENTS = ['production', 'preview', 'development'] as const;
export type VercelEnvironment = (typeof VERCEL_ENVIRONMENTS)[number];

/** Where one secret is delivered, after validation. */
export type SecretTarget =
  | {
      readonly kind: 'droplets';
      /** Only this service's env file; every service's when undefined. */
      readonly service: string | undefined;
    }
  | {
      readonly kind: 'github';
      /** An environment secret of this GitHub environment; a repository secret when undefined. */
      readonly environment: string | undefined;
    }
  | {
      readonly kind: 'vercel';
      readonly project: string;
      readonly teamId: string | undefined;
      readonly targets: readonly VercelEnvironment[];
      readonly type: 'encrypted' | 'sensitive';
    };

const dropletsTarget = z
  .strictObject({
    service: slugName('service')
      .optional()
      .describe('Only this service gets the secret; by default every service of the environment.'),
  })
  .describe("The env file of each service on the environment's droplets.");

const githubTarget = z
  .strictObject({
    environment: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/,
        'expected a GitHub environment name such as staging',
      )
      .optional()
      .describe('A secret of this GitHub environment; by default a repository secret.'),
  })
  .describe('A GitHub Actions secret of the repository named by `github.repository`.');

const vercelTarget = z
  .strictObject({
    project: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, 'expected a Vercel project id or name such as web')
      .describe('Vercel project id (prj_...) or name.'),
    teamId: z
      .string()
      .regex(/^team_[A-Za-z0-9]+$/, 'expected a Vercel team id such as team_a1b2c3')
      .optional()
      .describe('The team that owns the project; omit for a personal account.'),
    targets: z
      .array(z.enum(VERCEL_ENVIRONMENTS))
      .min(1)
      .describe('Vercel environments the variable applies to.'),
    type: z
      .enum(['sensitive', 'encrypted'])
      .default('sensitive')
      .describe(
        'sensitive: nobody can read the value back (not even opsctl); encrypted: readable in the dashboard.',
      ),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.targets.forEach((target, index) => {
      if (seen.has(target))
        ctx.addIssue({ code: 'custom', path: ['targets', index], message: `"${target}" twice` });
      seen.add(target);
    });
    if (value.type === 'sensitive' && value.targets.includes('development')) {
      ctx.addIssue({
        code: 'custom',
        path: ['targets'],
        message:
          'Vercel does not allow sensitive variables in development; use type: encrypted or drop development',
      });
    }
  })
  .describe('A Vercel project environment variable.');

const targetObject = z
  .strictObject({
    droplets: dropletsTarget.optional(),
    github: githubTarget.optional(),
    vercel: vercelTarget.optional(),
  })
  .superRefine((value, ctx) => {
    const set = [value.droplets, value.github, value.vercel].filter((v) => v !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'a target is exactly one of droplets, github or vercel',
      });
    }
  });

/** A target: `droplets`, `github`, or an object with one of `droplets`, `github`, `vercel`. */
export const secretTargetSchema = z
  .union([z.enum(['droplets', 'github']), targetObject], {
    error:
      'expected droplets, github, or an object such as { vercel: { project: web, targets: [production] } }',
  })
  .transform((value): SecretTarget => {
    if (value === 'droplets') return { kind: 'droplets', service: undefined };
    if (value === 'github') return { kind: 'github', environment: undefined };
    if (value.vercel !== undefined) {
      return {
        kind: 'vercel',
        project: value.vercel.project,
        teamId: value.vercel.teamId,
        targets: value.vercel.targets,
        type: value.vercel.type,
      };
    }
    if (value.github !== undefined) {
      return { kind: 'github', environment: value.github.environment };
    }
    return { kind: 'droplets', service: value.droplets?.service };
  });
