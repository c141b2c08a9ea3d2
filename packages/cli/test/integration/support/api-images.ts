import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { readDotEnv } from '../../../src/deploy/runtime-env.js';
import { repoRoot } from './paths.js';

const REPO = 'registry.opsctl.local:5443/api';

/** A fresh 40-character commit-like SHA, so every run's images are new tags. */
export const fakeSha = (): string => randomBytes(20).toString('hex');

/** docker with BuildKit: the Debian CLI does it without the buildx plugin. */
const dockerBin = async (): Promise<string> =>
  (await execa('docker', ['buildx', 'version'], { reject: false })).exitCode === 0
    ? 'docker'
    : '/usr/bin/docker';

/**
 * CAs this machine added to its trust store (e.g. a TLS-inspecting proxy in front of the npm
 * registry), for the image's build stages. Only the local additions: the whole bundle is larger
 * than one argument may be.
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
 * Builds the real API image as release `sha` (reporting `reportedSha` at /version, normally the
 * same) and pushes it as <registry>/api:<sha[0:12]>, with a throwaway docker login.
 */
export async function buildApiRelease(
  sha: string,
  opts: { reportedSha?: string; neverHealthy?: boolean } = {},
): Promise<string> {
  const tag = `${REPO}:${sha.slice(0, 12)}`;
  const docker = await dockerBin();
  await execa(
    docker,
    [
      'build',
      '-q',
      '-f',
      'infrastructure/docker/api/Dockerfile',
      '--build-arg',
      'BASE_IMAGE=opsctl-local/node:24',
      ...(await extraCaArgs()),
      '--build-arg',
      `GIT_SHA=${opts.reportedSha ?? sha}`,
      '--build-arg',
      'VERSION=0.0.0-test',
      '-t',
      tag,
      '.',
    ],
    { cwd: repoRoot, env: { DOCKER_BUILDKIT: '1' } },
  );
  if (opts.neverHealthy === true) {
    // Same image, but the process never listens: Docker health and /health never pass.
    const dir = await mkdtemp(join(tmpdir(), 'opsctl-bad-'));
    await writeFile(
      join(dir, 'Dockerfile'),
      `FROM ${tag}\nCMD ["node", "-e", "console.log('starting, but never listening'); setInterval(() => {}, 1000)"]\n`,
    );
    await execa(docker, ['build', '-q', '-t', tag, dir]);
    await rm(dir, { recursive: true, force: true });
  }
  await push(tag);
  return tag;
}

async function push(tag: string): Promise<void> {
  const config = await mkdtemp(join(tmpdir(), 'opsctl-docker-'));
  try {
    const password = readDotEnv(repoRoot, 'local').get('OPSCTL_REGISTRY_PASSWORD') ?? '';
    const env = { DOCKER_CONFIG: config };
    await execa(
      'docker',
      ['login', 'registry.opsctl.local:5443', '--username', 'opsctl', '--password-stdin'],
      { input: password, env },
    );
    await execa('docker', ['push', '-q', tag], { env });
  } finally {
    await rm(config, { recursive: true, force: true });
  }
}
