import type { Repository } from '../registry/image-ref.js';
import { digitalOceanImages, registryApiImages, type RepositoryImages } from './registry-images.js';
import type { RegistrySite } from './registry-site.js';

/** A service's repository in a registry, with the API that reads and deletes its images. */
export interface ServiceRepository {
  readonly service: string;
  readonly repo: Repository;
  /** `host[:port]/path`: how Docker names the repository. */
  readonly name: string;
  readonly images: RepositoryImages;
}

/** DigitalOcean's API when it manages the registry (sizes and dates in one call), else Registry v2. */
export function serviceRepository(site: RegistrySite, service: string): ServiceRepository {
  const { repo, client } = site.repository(service);
  return {
    service,
    repo,
    name: `${repo.registry}/${repo.path}`,
    images:
      site.digitalocean === undefined
        ? registryApiImages(client)
        : digitalOceanImages(site.digitalocean, repo),
  };
}
