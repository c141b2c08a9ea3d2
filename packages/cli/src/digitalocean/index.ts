export { createDigitalOceanClient, DEFAULT_API_URL } from './client.js';
export type { DigitalOceanClient, DigitalOceanClientOptions } from './client.js';
export { DigitalOceanApiError } from './api-error.js';
export type { DockerCredentials } from './registry-api.js';
export type { RetryPolicy } from './retry-policy.js';
export { dropletIpv4 } from './schemas/droplet.js';
export type { Droplet } from './schemas/droplet.js';
export type { LoadBalancer } from './schemas/load-balancer.js';
export type { AlertPolicy } from './schemas/alert-policy.js';
export type {
  GarbageCollection,
  Registry,
  RegistryManifest,
  Repository,
  RepositoryTag,
} from './schemas/registry.js';
