import type { z } from 'zod';

type Loose = Record<string, unknown>;

const asRecord = (value: unknown): Loose | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Loose)
    : undefined;

/**
 * Rules between an environment's secrets and the rest of the file: a droplet target names a
 * declared service, a GitHub target has a repository to go to, a secret does not shadow a plain
 * `env` variable, and one env file is not shared by several services. Reads the input loosely:
 * other parts may have failed validation.
 */
export function checkEnvironmentSecrets(
  root: Loose,
  envName: string,
  env: Loose,
  ctx: z.RefinementCtx,
): void {
  const services = asRecord(root.services) ?? {};
  const serviceNames = Object.keys(services);
  const hasRepository = asRecord(env.github) !== undefined || asRecord(root.github) !== undefined;
  const secrets = Array.isArray(env.secrets) ? (env.secrets as unknown[]) : [];
  const base = ['environments', envName, 'secrets'];
  secrets.forEach((raw, index) => {
    const secret = asRecord(raw);
    if (!secret) return;
    const name = typeof secret.name === 'string' ? secret.name : undefined;
    const targets = Array.isArray(secret.targets) ? (secret.targets as unknown[]) : [];
    targets.forEach((target, t) => {
      // The input form ({ droplets: { service } }) or, once that part parsed, the output form
      // ({ kind: 'droplets', service }): refinements see whichever the value has reached.
      const record = asRecord(target);
      const service =
        record?.kind === 'droplets' ? record.service : asRecord(record?.droplets)?.service;
      if (typeof service === 'string' && !serviceNames.includes(service)) {
        ctx.addIssue({
          code: 'custom',
          path: [...base, index, 'targets', t, 'droplets', 'service'],
          message: `"${service}" is not a declared service (${serviceNames.join(', ') || 'none'})`,
        });
      }
      const isGithub =
        target === 'github' || record?.kind === 'github' || record?.github !== undefined;
      if (isGithub && !hasRepository) {
        ctx.addIssue({
          code: 'custom',
          path: [...base, index, 'targets', t],
          message: `no GitHub repository: set "github.repository" at the top level or in environments.${envName}`,
        });
      }
    });
    if (name === undefined) return;
    for (const service of serviceNames) {
      const plain = asRecord(asRecord(services[service])?.env);
      if (plain && name in plain) {
        ctx.addIssue({
          code: 'custom',
          path: [...base, index, 'name'],
          message: `${name} is also a plain variable in services.${service}.env; keep it in one place`,
        });
      }
    }
  });
  const envFile = env.envFile;
  if (typeof envFile === 'string' && serviceNames.length > 1 && !envFile.includes('{service}')) {
    ctx.addIssue({
      code: 'custom',
      path: ['environments', envName, 'envFile'],
      message: 'several services would share one env file; put {service} in the file name',
    });
  }
}
