import { Agent, fetch, type Response } from 'undici';
import { OpsctlError } from '../errors/opsctl-error.js';
import { redactedExcerpt } from '../secrets/redacted-excerpt.js';
import type { Repository } from './image-ref.js';
import { checkTokenRealm } from './token-realm.js';

export interface RegistryCredentials {
  readonly username: string;
  /** Revealed only to build the Authorization header. */
  readonly password: { reveal(): string };
}

export interface RegistryClientOptions {
  readonly credentials?: RegistryCredentials;
  /** PEM of a private CA the registry's certificate is signed by (the local environment's). */
  readonly ca?: string;
}

/** Every manifest type a pull can resolve to; the registry answers with the one it stores. */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** What a manifest says about an image, enough to compare it with a local one and size it. */
export interface ManifestInfo {
  readonly digest: string;
  readonly mediaType: string;
  /**
   * Digest of the image configuration: the image ID Docker shows for the same image locally.
   * Undefined for an index (a multi-platform list), which has no single configuration.
   */
  readonly configDigest: string | undefined;
  /** Bytes a pull transfers: configuration plus compressed layers (an index: its own size). */
  readonly compressedSize: number;
}

interface ManifestBody {
  readonly mediaType?: string;
  readonly config?: { readonly digest: string; readonly size: number };
  readonly layers?: readonly { readonly size: number }[];
}

export class RegistryRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'RegistryRequestError';
  }
}

/**
 * The Registry HTTP API v2 (what DigitalOcean Container Registry and the CNCF registry speak):
 * basic auth, or the bearer-token challenge DOCR uses, answered with the same credentials.
 */
export class RegistryClient {
  private readonly dispatcher: Agent | undefined;
  private bearer: string | undefined;

  constructor(
    private readonly repo: Repository,
    private readonly options: RegistryClientOptions = {},
  ) {
    this.dispatcher =
      options.ca === undefined ? undefined : new Agent({ connect: { ca: options.ca } });
  }

  /** The digest a tag points at, or undefined when the tag does not exist. */
  async digestOf(tag: string): Promise<string | undefined> {
    const res = await this.request('HEAD', `manifests/${encodeURIComponent(tag)}`, {
      accept: MANIFEST_TYPES,
    });
    if (res.status === 404) return undefined;
    await this.ensureOk(res, `look up ${this.repo.path}:${tag}`);
    const digest = res.headers.get('docker-content-digest');
    if (digest === null)
      throw new RegistryRequestError(
        `registry gave no digest for ${this.repo.path}:${tag}`,
        res.status,
      );
    return digest;
  }

  /** The manifest a tag or digest names, or undefined when there is none. */
  async manifest(reference: string): Promise<ManifestInfo | undefined> {
    const res = await this.request('GET', `manifests/${encodeURIComponent(reference)}`, {
      accept: MANIFEST_TYPES,
    });
    if (res.status === 404) return undefined;
    await this.ensureOk(res, `read ${this.repo.path}:${reference}`);
    const text = await res.text();
    const body = JSON.parse(text) as ManifestBody;
    const digest = res.headers.get('docker-content-digest');
    if (digest === null)
      throw new RegistryRequestError(
        `registry gave no digest for ${this.repo.path}:${reference}`,
        res.status,
      );
    const layers = (body.layers ?? []).reduce((sum, layer) => sum + layer.size, 0);
    return {
      digest,
      mediaType: body.mediaType ?? res.headers.get('content-type') ?? 'unknown',
      configDigest: body.config?.digest,
      compressedSize:
        body.config === undefined ? Buffer.byteLength(text) : body.config.size + layers,
    };
  }

  /**
   * When an image was built: `created` in its configuration blob (the registry API itself keeps
   * no dates). Undefined when the configuration has none.
   */
  async imageCreated(configDigest: string): Promise<string | undefined> {
    const res = await this.request('GET', `blobs/${configDigest}`, {});
    await this.ensureOk(res, `read image configuration ${configDigest} of ${this.repo.path}`);
    const body = (await res.json()) as { created?: unknown };
    return typeof body.created === 'string' ? body.created : undefined;
  }

  /** Every tag of the repository (follows the Link header's pagination). */
  async tags(): Promise<string[]> {
    const all: string[] = [];
    let next: string | undefined = `tags/list?n=1000`;
    while (next !== undefined) {
      const res = await this.request('GET', next, {});
      if (res.status === 404) return all;
      await this.ensureOk(res, `list tags of ${this.repo.path}`);
      const body = (await res.json()) as { tags?: string[] | null };
      all.push(...(body.tags ?? []));
      next = nextLink(res.headers.get('link'), this.repo.path);
    }
    return all;
  }

  /** Deletes a manifest by digest: every tag pointing at it goes with it. */
  async deleteManifest(digest: string): Promise<void> {
    const res = await this.request('DELETE', `manifests/${digest}`, {});
    if (res.status === 404) return;
    await this.ensureOk(res, `delete ${this.repo.path}@${digest}`);
  }

  private async request(
    method: string,
    path: string,
    headers: Record<string, string>,
  ): Promise<Response> {
    const url = `https://${this.repo.registry}/v2/${this.repo.path}/${path}`;
    const send = (auth: string | undefined): Promise<Response> =>
      fetch(url, {
        method,
        headers: { ...headers, ...(auth === undefined ? {} : { authorization: auth }) },
        // undici's own fetch, so its Agent (with the private CA) is a dispatcher it accepts.
        ...(this.dispatcher === undefined ? {} : { dispatcher: this.dispatcher }),
      }).catch((cause: unknown) => {
        throw new RegistryRequestError(
          `cannot reach registry ${this.repo.registry}: ${reason(cause)}`,
          0,
        );
      });
    let res = await send(this.authorization());
    if (res.status === 401) {
      const challenge = res.headers.get('www-authenticate') ?? '';
      if (challenge.toLowerCase().startsWith('bearer ')) {
        this.bearer = await this.fetchToken(challenge);
        res = await send(this.authorization());
      }
    }
    return res;
  }

  private authorization(): string | undefined {
    if (this.bearer !== undefined) return `Bearer ${this.bearer}`;
    const c = this.options.credentials;
    if (c === undefined) return undefined;
    return `Basic ${Buffer.from(`${c.username}:${c.password.reveal()}`).toString('base64')}`;
  }

  private async fetchToken(challenge: string): Promise<string> {
    const params = Object.fromEntries(
      [...challenge.slice(7).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const realm = checkTokenRealm(params.realm ?? '', this.repo.registry);
    if (!realm.ok) {
      throw new OpsctlError({
        code: 'REGISTRY_REALM_REFUSED',
        kind: 'user',
        message: `The registry ${this.repo.registry} asked for its credentials to be sent elsewhere; they were not sent: ${realm.reason}.`,
        hint: 'Check the registry address in opsctl.yaml (registry.url): opsctl sends registry credentials only over https to the registry itself or the token host of its kind.',
      });
    }
    for (const [key, value] of [
      ['service', params.service ?? ''],
      ['scope', params.scope ?? ''],
    ] as const)
      realm.url.searchParams.set(key, value);
    const c = this.options.credentials;
    const res = await fetch(realm.url, {
      ...(this.dispatcher === undefined ? {} : { dispatcher: this.dispatcher }),
      headers:
        c === undefined
          ? {}
          : {
              authorization: `Basic ${Buffer.from(`${c.username}:${c.password.reveal()}`).toString('base64')}`,
            },
    });
    await this.ensureOk(res, 'obtain a registry token');
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (token === undefined)
      throw new RegistryRequestError('registry token endpoint returned no token', res.status);
    return token;
  }

  /** What an echoing registry could hand back: DigitalOcean's user name is the token itself. */
  private credentialValues(): string[] {
    const c = this.options.credentials;
    return c === undefined ? [] : [c.username, c.password.reveal()];
  }

  private async ensureOk(res: Response, what: string): Promise<void> {
    if (res.ok) return;
    const text = await res.text().catch(() => '');
    const hint =
      res.status === 401 || res.status === 403
        ? ' (check the registry credentials)'
        : res.status === 405
          ? ' (the registry refuses writes: deletes disabled, or read-only during garbage collection)'
          : '';
    throw new RegistryRequestError(
      `could not ${what}: HTTP ${res.status}${hint} ${redactedExcerpt(text, 200, this.credentialValues())}`.trim(),
      res.status,
    );
  }
}

function nextLink(link: string | null, path: string): string | undefined {
  const m = link?.match(/<([^>]+)>;\s*rel="next"/);
  if (m?.[1] === undefined) return undefined;
  const url = new URL(m[1], 'https://registry.invalid');
  return url.pathname.replace(`/v2/${path}/`, '') + url.search;
}

const reason = (cause: unknown): string =>
  cause instanceof Error
    ? ((cause.cause as Error | undefined)?.message ?? cause.message)
    : String(cause);
