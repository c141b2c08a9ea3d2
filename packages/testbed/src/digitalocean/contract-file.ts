import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * DigitalOcean's public API v2 description, bundled into one file by its repository's own
 * workflow (digitalocean/openapi, commit 7c1300c4, which publishes the bundle of each commit as
 * `DigitalOcean-public-<short sha>.v2.yaml`). Pinned by content: whatever the source, the file
 * used is the one with this sha256.
 */
export const DIGITALOCEAN_CONTRACT = {
  fileName: 'digitalocean-public.v2.yaml',
  commit: '7c1300c479fed9c353cda9fc21cd968619552304',
  url: 'https://api-engineering.nyc3.cdn.digitaloceanspaces.com/spec-ci/DigitalOcean-public-7c1300c.v2.yaml',
  sha256: '3d7ed250100a1782cbed1ff5e9d534aebcff3da9326bcb81abcfeb3f6c73f436',
} as const;

export interface ContractLookup {
  readonly env?: NodeJS.ProcessEnv;
  /** The repository's root; `../shared/contracts` beside it and `.opsctl/contracts` in it are looked at. */
  readonly repoRoot?: string;
  /** Fetches the pinned URL (tests pass a loopback one). */
  readonly download?: (url: string) => Promise<Buffer>;
  readonly url?: string;
  readonly sha256?: string;
}

// src/digitalocean and dist/digitalocean are both four levels below the repository root.
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Downloads happen only where the network is known to reach the internet (GitHub's runners) or
 * when asked; elsewhere a missing file is an error that says how to provide it.
 */
const downloadAllowed = (env: NodeJS.ProcessEnv): boolean =>
  env.OPSCTL_CONTRACTS_DOWNLOAD === '1' ||
  (env.GITHUB_ACTIONS === 'true' && env.OPSCTL_CONTRACTS_DOWNLOAD !== '0');

/**
 * The path of the DigitalOcean API description, for the contract tests. Looked for in
 * OPSCTL_CONTRACTS_DIR, then in `../shared/contracts` beside the checkout, then in the download
 * cache `.opsctl/contracts`; otherwise downloaded from the pinned URL (sha256 checked) into that
 * cache. Throws, saying what was tried, when none gives the file: never a silent skip.
 */
export async function digitalOceanContract(lookup: ContractLookup = {}): Promise<string> {
  const env = lookup.env ?? process.env;
  const root = lookup.repoRoot ?? REPO_ROOT;
  const want = lookup.sha256 ?? DIGITALOCEAN_CONTRACT.sha256;
  const name = DIGITALOCEAN_CONTRACT.fileName;
  const explicit = env.OPSCTL_CONTRACTS_DIR;
  if (explicit !== undefined && explicit !== '') {
    const file = join(explicit, name);
    if (existsSync(file)) return file;
    throw new Error(
      `OPSCTL_CONTRACTS_DIR is ${explicit}, but it holds no ${name}: point it at the folder that does, or unset it`,
    );
  }
  const shared = join(root, '..', 'shared', 'contracts', name);
  if (existsSync(shared)) return shared;
  const cacheDir = join(root, '.opsctl', 'contracts');
  const cached = join(cacheDir, `${want.slice(0, 12)}-${name}`);
  if (existsSync(cached) && sha256(await readFile(cached)) === want) return cached;
  const url = lookup.url ?? DIGITALOCEAN_CONTRACT.url;
  const tried = `looked in OPSCTL_CONTRACTS_DIR (unset), ${shared} and ${cached}`;
  if (!downloadAllowed(env)) {
    throw new Error(
      `DigitalOcean API description not found: ${tried}. Set OPSCTL_CONTRACTS_DIR to a folder holding ${name}, or set OPSCTL_CONTRACTS_DOWNLOAD=1 to download the pinned file (${url}, sha256 ${want})`,
    );
  }
  let data: Buffer;
  try {
    data = await (lookup.download ?? fetchBytes)(url);
  } catch (err) {
    throw new Error(
      `DigitalOcean API description not found (${tried}) and the download of ${url} failed: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const got = sha256(data);
  if (got !== want) {
    throw new Error(
      `the download of ${url} has sha256 ${got}, not the pinned ${want}: the file changed upstream or in transit; nothing was kept`,
    );
  }
  await mkdir(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}.partial`;
  await writeFile(partial, data);
  await rename(partial, cached).catch(async (err: unknown) => {
    await rm(partial, { force: true });
    throw err;
  });
  return cached;
}
