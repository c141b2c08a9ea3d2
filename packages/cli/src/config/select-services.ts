import { OpsctlError } from '../errors/opsctl-error.js';
import type { OpsctlConfig, ServiceConfig } from './types.js';

/** A service and its name. */
export interface SelectedService {
  readonly name: string;
  readonly config: ServiceConfig;
}

/**
 * The services a `--service` flag selects: the named one, or every service when it is not given.
 * Throws `SERVICE_UNKNOWN` naming the declared services for an unknown name.
 */
export function selectServices(
  config: OpsctlConfig,
  wanted: string | undefined,
): SelectedService[] {
  const all = Object.entries(config.services).map(([name, service]) => ({ name, config: service }));
  if (wanted === undefined) return all;
  const found = all.find((service) => service.name === wanted);
  if (!found) {
    throw new OpsctlError({
      code: 'SERVICE_UNKNOWN',
      kind: 'user',
      message: `Service "${wanted}" is not in opsctl.yaml.`,
      hint: `Use one of: ${all.map((service) => service.name).join(', ')}.`,
    });
  }
  return [found];
}
