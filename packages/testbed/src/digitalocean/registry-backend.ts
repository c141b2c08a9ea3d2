import type { RegistryClient } from '../registry-api/registry-client.js';
import type { RegistryMaintenance } from '../registry-api/registry-maintenance.js';

/** The real registry behind the container registry API. */
export interface RegistryBackend {
  /** The registry's name in the API (`/v2/registries/{registry_name}`). */
  readonly name: string;
  readonly region?: string;
  /** host[:port] that docker logs in to; the key in docker-credentials' `auths`. */
  readonly publicHost: string;
  readonly credentials: { readonly username: string; readonly password: string };
  readonly client: RegistryClient;
  readonly maintenance: RegistryMaintenance;
}
