import { z } from 'zod';
import { envVarName } from './primitives.js';

/** Where a secret is delivered. */
export const SECRET_TARGETS = ['droplets', 'github', 'vercel'] as const;

const secretDeclarationSchema = z
  .strictObject({
    name: envVarName.describe('Environment variable name the secret is delivered as.'),
    targets: z
      .array(z.enum(SECRET_TARGETS))
      .min(1)
      .describe('Where the secret is synced: droplets, github, vercel.'),
  })
  .describe('A secret declared by the secrets feature (values never live in this file).');

export const secretsSchema = z
  .array(secretDeclarationSchema)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((secret, index) => {
      if (seen.has(secret.name)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `secret "${secret.name}" is declared twice`,
        });
      }
      seen.add(secret.name);
    });
  })
  .describe('Secrets this environment needs; declared by the secrets feature.');
