import { sha256Digest } from './digest.js';
import {
  createTransport,
  header,
  type RawResponse,
  type RegistryConnection,
} from './https-transport.js';
import { MANIFEST_ACCEPT, manifestSchema, type Manifest } from './manifest.js';
import { RegistryApiError } from './registry-api-error.js';

export interface StoredManifest {
  readonly digest: string;
  readonly mediaType: string;
  /** The exact bytes, so the manifest can be put back unchanged (same digest). */
  readonly bytes: Buffer;
  readonly manifest: Manifest;
}

/** A client of the Docker Registry HTTP API v2, as much of it as image retention needs. */
export interface RegistryClient {
  readonly url: string;
  ping(): Promise<void>;
  listRepositories(): Promise<string[]>;
  listTags(repository: string): Promise<string[]>;
  getManifest(repository: string, reference: string): Promise<StoredManifest | undefined>;
  putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<string>;
  /** False when the registry did not have it. Removes every tag that points at the digest. */
  deleteManifest(repository: string, digest: string): Promise<boolean>;
  uploadBlob(repository: string, bytes: Buffer): Promise<string>;
  getBlob(repository: string, digest: string): Promise<Buffer | undefined>;
  blobExists(repository: string, digest: string): Promise<boolean>;
  close(): void;
}

const PAGE = 1000;

function expect(res: RawResponse, ok: number[], operation: string): RawResponse {
  if (ok.includes(res.status)) return res;
  throw new RegistryApiError(res.status, operation, res.body.toString('utf8'));
}

/** The registry paginates with an RFC 5988 Link header; returns the next path or undefined. */
function nextLink(res: RawResponse): string | undefined {
  return /<([^>]+)>;\s*rel="next"/.exec(header(res, 'link') ?? '')?.[1];
}

export function createRegistryClient(conn: RegistryConnection): RegistryClient {
  const { send, close } = createTransport(conn);

  async function listAll(
    first: string,
    key: 'repositories' | 'tags',
    op: string,
  ): Promise<string[]> {
    const all: string[] = [];
    for (let target: string | undefined = first; target !== undefined;) {
      const res = await send({ method: 'GET', target });
      if (res.status === 404 && key === 'tags') return [];
      expect(res, [200], op);
      const page = JSON.parse(res.body.toString('utf8')) as Record<string, string[] | null>;
      all.push(...(page[key] ?? []));
      target = nextLink(res);
    }
    return all;
  }

  return {
    url: conn.url,
    close,
    async ping() {
      expect(await send({ method: 'GET', target: '/v2/' }), [200], 'ping');
    },
    listRepositories: () => listAll(`/v2/_catalog?n=${PAGE}`, 'repositories', 'catalog'),
    listTags: (repo) => listAll(`/v2/${repo}/tags/list?n=${PAGE}`, 'tags', `tags list of ${repo}`),
    async getManifest(repo, reference) {
      const res = await send({
        method: 'GET',
        target: `/v2/${repo}/manifests/${reference}`,
        headers: { accept: MANIFEST_ACCEPT },
      });
      if (res.status === 404) return undefined;
      expect(res, [200], `manifest ${repo}:${reference}`);
      const manifest = manifestSchema.parse(JSON.parse(res.body.toString('utf8')));
      const digest = header(res, 'docker-content-digest') ?? sha256Digest(res.body);
      return { digest, mediaType: header(res, 'content-type') ?? '', bytes: res.body, manifest };
    },
    async putManifest(repo, reference, bytes, mediaType) {
      const res = await send({
        method: 'PUT',
        target: `/v2/${repo}/manifests/${reference}`,
        headers: { 'content-type': mediaType },
        body: bytes,
      });
      expect(res, [201], `manifest put ${repo}:${reference}`);
      return header(res, 'docker-content-digest') ?? sha256Digest(bytes);
    },
    async deleteManifest(repo, digest) {
      const res = await send({ method: 'DELETE', target: `/v2/${repo}/manifests/${digest}` });
      return expect(res, [202, 404], `manifest delete ${repo}@${digest}`).status === 202;
    },
    async uploadBlob(repo, bytes) {
      const digest = sha256Digest(bytes);
      const start = expect(
        await send({ method: 'POST', target: `/v2/${repo}/blobs/uploads/` }),
        [202],
        `blob upload to ${repo}`,
      );
      const location = new URL(header(start, 'location') ?? '', conn.url);
      location.searchParams.set('digest', digest);
      const res = await send({
        method: 'PUT',
        target: location.toString(),
        headers: { 'content-type': 'application/octet-stream' },
        body: bytes,
      });
      expect(res, [201], `blob upload to ${repo}`);
      return digest;
    },
    async getBlob(repo, digest) {
      const res = await send({ method: 'GET', target: `/v2/${repo}/blobs/${digest}` });
      if (res.status === 404) return undefined;
      return expect(res, [200], `blob ${repo}@${digest}`).body;
    },
    async blobExists(repo, digest) {
      const res = await send({ method: 'HEAD', target: `/v2/${repo}/blobs/${digest}` });
      return expect(res, [200, 404], `blob ${repo}@${digest}`).status === 200;
    },
  };
}
