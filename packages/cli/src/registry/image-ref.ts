/** A repository in a registry: `host[:port][/namespace]/service`. */
export interface Repository {
  readonly registry: string;
  readonly path: string;
}

/** Splits a registry address (`host:port/namespace`) into the host and a path prefix. */
export function repository(registryAddress: string, service: string): Repository {
  const [host = '', ...rest] = registryAddress.replace(/\/+$/, '').split('/');
  return { registry: host, path: [...rest, service].join('/') };
}

export const tagRef = (repo: Repository, tag: string): string =>
  `${repo.registry}/${repo.path}:${tag}`;
export const digestRef = (repo: Repository, digest: string): string =>
  `${repo.registry}/${repo.path}@${digest}`;

const DIGEST = /^sha256:[a-f0-9]{64}$/;
export const isDigest = (value: string): boolean => DIGEST.test(value);
