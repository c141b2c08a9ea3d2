import type { LocalRegistry } from '../registry-api/local-registry.js';
import { createRegistryClient } from '../registry-api/registry-client.js';
import type { RegistryBackend } from './registry-backend.js';

/** Backs the container registry API with a registry process from startLocalRegistry. Close its client when done. */
export function localRegistryBackend(registry: LocalRegistry, name = 'opsctl'): RegistryBackend {
  const { username, password } = registry.connection;
  return {
    name,
    publicHost: registry.host,
    credentials: { username, password },
    client: createRegistryClient(registry.connection),
    maintenance: registry.maintenance,
  };
}
