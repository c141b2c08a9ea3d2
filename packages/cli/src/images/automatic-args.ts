import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import type { Logger } from '../output/logger.js';
import type { AutomaticArgs } from './build-args.js';
import type { GitState } from './git-state.js';
import type { SemVer } from './semver.js';

/** `2026-01-31T12:00:00Z`: second precision, as OCI `created` is usually written. */
export const buildTimestamp = (now: Date): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The build arguments opsctl supplies: the commit, version (the semantic version when known, else
 * the commit tag), build time, source URL, and the PEM text of NODE_EXTRA_CA_CERTS so package
 * installs inside the build trust the same CAs as this machine (e.g. a TLS-inspecting proxy).
 */
export async function automaticArgs(input: {
  readonly git: GitState;
  readonly version: SemVer | undefined;
  readonly commitTag: string;
  readonly now: Date;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
}): Promise<AutomaticArgs> {
  return {
    GIT_SHA: input.git.sha,
    VERSION: input.version?.text ?? input.commitTag,
    BUILT_AT: buildTimestamp(input.now),
    SOURCE_URL: input.git.sourceUrl,
    EXTRA_CA_CERTS: await extraCaCerts(input.env.NODE_EXTRA_CA_CERTS, input.logger),
  };
}

/** One build argument must stay under the kernel's 128 KiB limit for a single argument. */
const MAX_ARG_BYTES = 100_000;

/**
 * Only the certificates Node does not already ship: NODE_EXTRA_CA_CERTS often names the whole
 * system bundle (over 200 kB), which no single argument can carry; the additions are what a build
 * behind a TLS-inspecting proxy needs.
 */
export function additionalCertificates(bundle: string, shipped: readonly string[]): string {
  const known = new Set(shipped.map((pem) => pem.replace(/\s+/g, '')));
  const blocks =
    bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.filter((pem) => !known.has(pem.replace(/\s+/g, ''))).join('\n');
}

async function extraCaCerts(file: string | undefined, logger: Logger): Promise<string | undefined> {
  if (file === undefined || file === '') return undefined;
  try {
    const extra = additionalCertificates(await readFile(file, 'utf8'), tls.rootCertificates);
    if (extra === '') return undefined;
    if (Buffer.byteLength(extra) > MAX_ARG_BYTES) {
      logger.warn(
        `NODE_EXTRA_CA_CERTS adds ${Buffer.byteLength(extra)} bytes of certificates beyond Node's own, too many for a build argument; building without them`,
      );
      return undefined;
    }
    return extra;
  } catch (error) {
    logger.warn(
      `NODE_EXTRA_CA_CERTS names ${file}, which cannot be read (${(error as Error).message}); building without it`,
    );
    return undefined;
  }
}
