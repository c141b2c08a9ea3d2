import type { SecretDeclaration, SecretTarget } from '../config/types.js';

/** The secrets that go into `service`'s env file on the droplets. */
export function dropletSecretsOf(
  secrets: readonly SecretDeclaration[],
  service: string,
): SecretDeclaration[] {
  return secrets.filter((secret) => secret.targets.some((t) => goesToService(t, service)));
}

/** True when `target` puts the secret in `service`'s env file. */
export function goesToService(target: SecretTarget, service: string): boolean {
  return target.kind === 'droplets' && (target.service === undefined || target.service === service);
}
