import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * Certificates this machine trusts beyond the public ones (Debian keeps them in
 * /usr/local/share/ca-certificates), for the build stages' HTTPS downloads behind a
 * TLS-inspecting proxy. Empty on a machine without any.
 */
export function localCaCertificates(dir = '/usr/local/share/ca-certificates'): string {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.crt'))
      .map((name) => readFileSync(join(dir, name), 'utf8').trim())
      .join('\n');
  } catch {
    return '';
  }
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
