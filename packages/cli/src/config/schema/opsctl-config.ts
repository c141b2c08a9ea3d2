import { z } from 'zod';
import { environmentSchema } from './environment.js';
import { githubSchema } from './github.js';
import { slugName } from './primitives.js';
import { registrySchema } from './registry.js';
import { checkEnvironmentSecrets } from './secrets-cross-check.js';
import { serviceSchema } from './service.js';

/**
 * The schema of opsctl.yaml: the single source of its types, defaults and documentation
 * (schema/opsctl.schema.json and docs/configuration.md are generated from it).
 */
export const opsctlConfigSchema = z
  .strictObject({
    project: slugName('project').describe('Project name; prefixes container and lock names.'),
    defaultEnvironment: z
      .string()
      .optional()
      .describe('Environment used when none is given as argument or in OPSCTL_ENV.'),
    registry: registrySchema
      .optional()
      .describe('Default container registry; an environment may override it.'),
    github: githubSchema.optional(),
    services: z
      .record(slugName('service'), serviceSchema)
      .describe('Services by name. The name is the image repository and container name.'),
    environments: z
      .record(slugName('environment'), environmentSchema)
      .describe('Environments by name, e.g. staging.'),
  })
  .superRefine(crossCheck, { when: () => true })
  .meta({ title: 'opsctl.yaml', description: 'Configuration of opsctl for one project.' });

/**
 * Rules that span sections. They run even when other parts failed (`when`), so every problem is
 * reported at once; hence the defensive reads of a value that may be only partly valid.
 */
function crossCheck(value: unknown, ctx: z.RefinementCtx): void {
  if (typeof value !== 'object' || value === null) return;
  const root = value as Record<string, unknown>;
  const services = asRecord(root.services);
  const environments = asRecord(root.environments);
  if (services && Object.keys(services).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['services'], message: 'declare at least one service' });
  }
  if (!environments) return;
  const names = Object.keys(environments);
  if (names.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['environments'],
      message: 'declare at least one environment',
    });
  }
  const fallback =
    typeof root.defaultEnvironment === 'string' ? root.defaultEnvironment : undefined;
  if (fallback !== undefined && !names.includes(fallback)) {
    ctx.addIssue({
      code: 'custom',
      path: ['defaultEnvironment'],
      message: `"${fallback}" is not one of the environments (${names.join(', ') || 'none'})`,
    });
  }
  for (const name of names) {
    const env = asRecord(environments[name]);
    if (env) checkEnvironmentSecrets(root, name, env, ctx);
  }
  if (root.registry !== undefined) return;
  for (const name of names) {
    const env = asRecord(environments[name]);
    if (env && env.registry === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['environments', name, 'registry'],
        message: 'no registry: set "registry" here or at the top level',
      });
    }
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
