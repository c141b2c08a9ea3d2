import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';
import { run, runOk } from '../../support/run.js';
import { LOCAL_REGISTRY } from './local-environment.js';

/** A fresh 40-character commit-like SHA, so every run's images are new tags. */
export const fakeSha = (): string => randomBytes(20).toString('hex');

/** docker with BuildKit: Debian's CLI does it without the buildx plugin that may shadow it. */
async function dockerBin(): Promise<string> {
  const buildx = await run('docker', ['buildx', 'version']).catch(() => undefined);
  return buildx?.code === 0 ? 'docker' : '/usr/bin/docker';
}

/**
 * CAs this machine added to its trust store (a TLS-inspecting proxy in front of the npm registry,
 * say), for the image's build stages. Only the local additions: the whole bundle is too large
 * for one argument.
 */
async function extraCaArgs(): Promise<string[]> {
  const dir = '/usr/local/share/ca-certificates';
  const files = await readdir(dir).catch(() => [] as string[]);
  const pems = await Promise.all(
    files.filter((f) => f.endsWith('.crt')).map((f) => readFile(join(dir, f), 'utf8')),
  );
  return pems.length === 0 ? [] : ['--build-arg', `EXTRA_CA_CERTS=${pems.join('\n')}`];
}

/**
 * Builds the real API image as release `sha` (it reports the SHA at /version) on the local Node
 * base image and pushes it to the local registry as api:<sha[0:12]>, the tag opsctl deploys.
 */
export async function buildApiRelease(sha: string, registryPassword: string): Promise<string> {
  const tag = `${LOCAL_REGISTRY}/api:${sha.slice(0, 12)}`;
  await runOk(
    await dockerBin(),
    [
      'build',
      '-q',
      '-f',
      'infrastructure/docker/api/Dockerfile',
      '--build-arg',
      'BASE_IMAGE=opsctl-local/node:24',
      ...(await extraCaArgs()),
      '--build-arg',
      `GIT_SHA=${sha}`,
      '--build-arg',
      'VERSION=0.0.0-test',
      '-t',
      tag,
      '.',
    ],
    { cwd: repoRoot, env: { ...process.env, DOCKER_BUILDKIT: '1' } },
  );
  // A throwaway client configuration: the login never lands in the user's ~/.docker.
  const config = await mkdtemp(join(tmpdir(), 'opsctl-docker-'));
  try {
    const env = { ...process.env, DOCKER_CONFIG: config };
    await runOk('docker', ['login', LOCAL_REGISTRY, '--username', 'opsctl', '--password-stdin'], {
      env,
      input: registryPassword,
    });
    await runOk('docker', ['push', '-q', tag], { env });
  } finally {
    await rm(config, { recursive: true, force: true });
  }
  return tag;
}
