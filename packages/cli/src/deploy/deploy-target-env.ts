import { OpsctlError } from '../errors/opsctl-error.js';
import type { OpsctlConfig, ServiceConfig } from '../config/types.js';

/** The service a command acts on: --service, or the only one declared. */
export function pickService(
  config: OpsctlConfig,
  wanted: string | undefined,
): { name: string; service: ServiceConfig } {
  const names = Object.keys(config.services);
  const name = wanted ?? (names.length === 1 ? names[0] : undefined);
  const service = name === undefined ? undefined : config.services[name];
  if (name === undefined || service === undefined) {
    throw new OpsctlError({
      code: wanted === undefined ? 'SERVICE_NOT_SET' : 'SERVICE_UNKNOWN',
      kind: 'user',
      message:
        wanted === undefined
          ? `Several services are declared (${names.join(', ')}); which one?`
          : `Unknown service "${wanted}". Declared: ${names.join(', ')}.`,
      hint: 'Pass --service with one of the declared services.',
    });
  }
  return { name, service };
}
