import { fromApiError } from '../deploy/digitalocean-access.js';
import { DigitalOceanApiError } from '../digitalocean/api-error.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { RegistryRequestError } from '../registry/registry-client.js';

/** Turns registry and DigitalOcean API failures into errors that say what to do. */
export function registryFailure(error: unknown, registry: string): unknown {
  if (error instanceof RegistryRequestError) return fromRegistry(error, registry);
  if (error instanceof DigitalOceanApiError) return fromDigitalOcean(error);
  return error;
}

/** Runs `fn`, translating registry and API failures (see {@link registryFailure}). */
export async function withRegistryErrors<T>(registry: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw registryFailure(error, registry);
  }
}

function fromRegistry(error: RegistryRequestError, registry: string): OpsctlError {
  if (error.status === 0) {
    return new OpsctlError({
      code: 'REGISTRY_UNREACHABLE',
      kind: 'external',
      message: `Cannot reach the registry ${registry}: ${error.message.replace(/^cannot reach registry \S+: /, '')}.`,
      hint: `Check that the registry runs and that opsctl.yaml names it correctly (registry.url); for the local environment run \`opsctl local up\`.`,
      cause: error,
    });
  }
  if (error.status === 401 || error.status === 403) {
    return new OpsctlError({
      code: 'REGISTRY_AUTH_FAILED',
      kind: 'user',
      message: `The registry ${registry} refused the credentials: ${error.message}.`,
      hint: 'Check the registry user name and the password variable named by registry.passwordEnv (or DIGITALOCEAN_TOKEN).',
      cause: error,
    });
  }
  if (error.status === 405) return readOnly(registry, error.message, error);
  return new OpsctlError({
    code: 'REGISTRY_REQUEST_FAILED',
    kind: 'external',
    message: `The registry ${registry} failed a request: ${error.message}.`,
    hint: 'Run again with --verbose; if it persists, check the registry logs.',
    cause: error,
  });
}

function fromDigitalOcean(error: DigitalOceanApiError): unknown {
  // DigitalOcean answers 409 to writes while garbage collection holds the registry read-only.
  if (error.status === 409) return readOnly('the DigitalOcean registry', error.message, error);
  return fromApiError(error);
}

/** The registry accepts no writes while garbage collection runs. */
export function readOnly(registry: string, why: string, cause?: unknown): OpsctlError {
  return new OpsctlError({
    code: 'REGISTRY_READ_ONLY',
    kind: 'external',
    message: `${registry} is read-only while garbage collection runs, so nothing was written: ${why}`,
    hint: 'Wait until the garbage collection has finished (`opsctl images prune --wait` waits for the one it starts), then run the command again.',
    cause,
  });
}
