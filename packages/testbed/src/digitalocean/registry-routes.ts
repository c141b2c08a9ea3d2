import { noContent, ok, type ApiRequest } from './api-exchange.js';
import { notFound, unprocessable } from './api-failure.js';
import type { GarbageCollector } from './garbage-collector.js';
import { paginate } from './pagination.js';
import type { RegistryBackend } from './registry-backend.js';
import type { RegistryCatalog, RepositoryRecord } from './registry-catalog.js';
import { manifestView, repositoryView, tagView } from './registry-view.js';
import type { Router } from './router.js';

const BASE = '/v2/registries/{registry_name}';
const REPO = `${BASE}/repositories/{repository_name}`;

function dockerCredentialsQuery(req: ApiRequest): void {
  const rw = req.query.get('read_write');
  if (rw !== null && rw !== 'true' && rw !== 'false')
    throw unprocessable(`read_write must be true or false, got "${rw}"`);
  const expiry = req.query.get('expiry_seconds');
  if (expiry !== null && !(Number.isInteger(Number(expiry)) && Number(expiry) > 0)) {
    throw unprocessable(`expiry_seconds must be a positive integer, got "${expiry}"`);
  }
}

/** Registry, repository, tag and manifest endpoints, acting on the real registry. */
export function addRegistryRoutes(
  router: Router,
  backend: RegistryBackend,
  catalog: RegistryCatalog,
  gc: GarbageCollector,
): void {
  const registry = (p: Record<string, string>): string => {
    if (p.registry_name !== backend.name)
      throw notFound(`registry "${p.registry_name ?? ''}" not found`);
    return backend.name;
  };
  const repository = async (p: Record<string, string>): Promise<RepositoryRecord> => {
    registry(p);
    const repo = await catalog.repository(p.repository_name ?? '');
    if (!repo) throw notFound(`repository "${p.repository_name ?? ''}" not found`);
    return repo;
  };

  router.add('GET', BASE, async (_req, p) => {
    const name = registry(p);
    return ok({
      registry: {
        name,
        created_at: '2026-01-01T00:00:00Z',
        region: backend.region ?? 'fra1',
        storage_usage_bytes: await backend.maintenance.storageUsageBytes(),
        storage_usage_bytes_updated_at: new Date().toISOString(),
      },
    });
  });

  router.add('GET', `${BASE}/docker-credentials`, (req, p) => {
    registry(p);
    // htpasswd has one account; read-only and expiring credentials are accepted but not distinct.
    dockerCredentialsQuery(req);
    const { username, password } = backend.credentials;
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    return Promise.resolve(ok({ auths: { [backend.publicHost]: { auth } } }));
  });

  router.add('GET', `${BASE}/repositoriesV2`, async (req, p) => {
    const name = registry(p);
    // Page over names first, so only the page's repositories are read in full.
    const page = paginate(req, await catalog.repositoryNames(), true);
    return ok({
      repositories: (await catalog.repositories(page.items)).map((r) => repositoryView(name, r)),
      links: page.links,
      meta: page.meta,
    });
  });

  router.add('GET', `${REPO}/tags`, async (req, p) => {
    const repo = await repository(p);
    const page = paginate(req, repo.tags);
    return ok({
      tags: page.items.map((t) => tagView(backend.name, repo.name, t)),
      links: page.links,
      meta: page.meta,
    });
  });

  router.add('GET', `${REPO}/digests`, async (req, p) => {
    const repo = await repository(p);
    const page = paginate(req, repo.manifests);
    return ok({
      manifests: page.items.map((m) => manifestView(backend.name, repo.name, m)),
      links: page.links,
      meta: page.meta,
    });
  });

  router.add('DELETE', `${REPO}/tags/{repository_tag}`, async (_req, p) => {
    const repo = await repository(p);
    const tag = repo.tags.find((t) => t.tag === p.repository_tag);
    if (!tag) throw notFound(`tag "${p.repository_tag ?? ''}" not found in ${repo.name}`);
    await gc.write(() => untag(backend, repo, tag.tag, tag.digest));
    return noContent();
  });

  router.add('DELETE', `${REPO}/digests/{manifest_digest}`, async (_req, p) => {
    const repo = await repository(p);
    const digest = p.manifest_digest ?? '';
    if (!repo.manifests.some((m) => m.digest === digest))
      throw notFound(`manifest ${digest} not found in ${repo.name}`);
    await gc.write(() => backend.client.deleteManifest(repo.name, digest));
    return noContent();
  });
}

/**
 * Removes one tag. Registry 2.8 can only delete a manifest (which drops every tag on it), so the
 * manifest is deleted and its exact bytes put back under the other tags: same digest, blobs kept.
 */
async function untag(
  backend: RegistryBackend,
  repo: RepositoryRecord,
  tag: string,
  digest: string,
): Promise<void> {
  const { client } = backend;
  const stored = await client.getManifest(repo.name, digest);
  if (!stored) return;
  const others = repo.tags.filter((t) => t.digest === digest && t.tag !== tag).map((t) => t.tag);
  await client.deleteManifest(repo.name, digest);
  for (const other of others)
    await client.putManifest(repo.name, other, stored.bytes, stored.mediaType);
}
