import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { docker, dockerRun } from './docker-cli.js';

export interface ImageBuild {
  context: string;
  tag: string;
  dockerfile?: string;
  target?: string;
  buildArgs?: Record<string, string>;
  /** Environment of the `docker build` process (the "build environment"). */
  env?: NodeJS.ProcessEnv;
  noCache?: boolean;
}

let builder: Promise<NodeJS.ProcessEnv> | undefined;

/**
 * BuildKit when this docker CLI can use it (buildx plugin, or a CLI older than 23 with BuildKit
 * built in), otherwise the classic builder. The Dockerfiles work with both.
 */
function builderEnv(): Promise<NodeJS.ProcessEnv> {
  builder ??= (async () => {
    const buildx = await dockerRun(['buildx', 'version']);
    const client = await docker(['version', '--format', '{{.Client.Version}}']);
    const major = Number(client.split('.')[0]);
    return { DOCKER_BUILDKIT: buildx.code === 0 || major < 23 ? '1' : '0' };
  })();
  return builder;
}

/** Which builder `buildImage` uses on this machine, for reports. */
export async function builderName(): Promise<string> {
  return (await builderEnv()).DOCKER_BUILDKIT === '1' ? 'BuildKit' : 'the classic builder';
}

/**
 * Certificates this machine trusts beyond Node's own store, for the build stages' HTTPS
 * downloads behind a TLS-inspecting proxy: the locally added CAs (Debian keeps them in
 * /usr/local/share/ca-certificates), else those of NODE_EXTRA_CA_CERTS that Node does not
 * already ship. Only the extra ones: a build arg is one argv string, limited to 128 kB.
 */
export function localCaCertificates(dir = '/usr/local/share/ca-certificates'): string {
  const local = readPems(() =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.crt'))
      .map((name) => readFileSync(join(dir, name), 'utf8')),
  );
  if (local.length > 0) return local.join('\n');
  const bundle = process.env.NODE_EXTRA_CA_CERTS;
  const shipped = new Set(rootCertificates.map(normalize));
  const extra = bundle === undefined ? [] : readPems(() => [readFileSync(bundle, 'utf8')]);
  return extra.filter((pem) => !shipped.has(normalize(pem))).join('\n');
}

function readPems(read: () => string[]): string[] {
  try {
    return read().flatMap(
      (text) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [],
    );
  } catch {
    return [];
  }
}

function normalize(pem: string): string {
  return pem.replace(/\s+/g, '');
}

/** `docker build` with the given args; throws with the build output when it fails. */
export async function buildImage(build: ImageBuild): Promise<void> {
  const args = ['build', '-t', build.tag];
  if (build.dockerfile) args.push('-f', join(build.context, build.dockerfile));
  if (build.target) args.push('--target', build.target);
  if (build.noCache) args.push('--no-cache');
  for (const [name, value] of Object.entries(build.buildArgs ?? {}))
    args.push('--build-arg', `${name}=${value}`);
  args.push(build.context);
  const result = await dockerRun(args, { ...(build.env ?? process.env), ...(await builderEnv()) });
  if (result.code !== 0) {
    throw new Error(
      `docker build ${build.tag} failed:\n${(result.stdout + result.stderr).slice(-4000)}`,
    );
  }
}
