import { z } from 'zod';
import { parseRotationPeriod, ROTATION_PATTERN } from '../rotation-period.js';
import { envVarName } from './primitives.js';
import { reservedEnvName } from './reserved-env-names.js';
import { secretTargetSchema, type SecretTarget } from './secret-targets.js';

export type { SecretTarget, VercelEnvironment } from './secret-targets.js';

/** A rotation period in the file (`90d`); whole days after parsing. */
const rotationPeriod = z
  .string()
  .regex(ROTATION_PATTERN, 'expected a period such as 30d, 90d or 12w')
  .transform((text, ctx) => {
    const parsed = parseRotationPeriod(text);
    if (parsed.ok) return parsed.days;
    ctx.issues.push({ code: 'custom', message: parsed.message, input: text });
    return z.NEVER;
  });

/** The same target twice would sync one value twice and report it twice. */
const targetKey = (target: SecretTarget): string =>
  target.kind === 'droplets'
    ? `droplets:${target.service ?? '*'}`
    : target.kind === 'github'
      ? `github:${target.environment ?? ''}`
      : `vercel:${target.teamId ?? ''}/${target.project}`;

const secretDeclarationSchema = z
  .strictObject({
    name: envVarName.describe(
      'Environment variable name the secret is delivered as; the names refused in `services.<name>.env` are refused here too.',
    ),
    targets: z
      .array(secretTargetSchema)
      .min(1)
      .describe(
        'Where the secret is synced: `droplets`, `github`, or objects with settings, e.g. `{ github: { environment: staging } }`.',
      ),
    rotateEvery: rotationPeriod
      .prefault('90d')
      .describe(
        '`opsctl secrets check` fails once the value is older than this (30d, 90d, 12w); days after parsing.',
      ),
  })
  .superRefine((secret, ctx) => {
    const reserved = reservedEnvName(secret.name);
    if (reserved !== undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: reserved });
    const seen = new Set<string>();
    secret.targets.forEach((target, index) => {
      const key = targetKey(target);
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index],
          message: 'the same target is listed twice',
        });
      }
      seen.add(key);
    });
    if (secret.targets.some((t) => t.kind === 'github') && /^github_/i.test(secret.name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'GitHub refuses secret names that start with GITHUB_; choose another name',
      });
    }
  })
  .describe('A secret: its name, where it goes and how often it is rotated. Never its value.');

export const secretsSchema = z
  .array(secretDeclarationSchema)
  .superRefine((list, ctx) => {
    // GitHub secret names are case-insensitive, so compare them that way everywhere.
    const seen = new Set<string>();
    list.forEach((secret, index) => {
      const key = secret.name.toUpperCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `secret "${secret.name}" is declared twice`,
        });
      }
      seen.add(key);
    });
  })
  .describe(
    'Secrets this environment needs. Values come from the process environment, `.env.<env>` or `--stdin`.',
  );
