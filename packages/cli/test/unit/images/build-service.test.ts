import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandContext } from '../../../src/context/create-command-context.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { build, type BuildOptions } from '../../../src/services/build.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { TextCapture } from '../../support/text-capture.js';
import { GitRealDockerRecorded } from './support/docker-recording-executor.js';
import { git, initRepo } from './support/git-repo.js';

const CONFIG = `project: shop
defaultEnvironment: staging
registry:
  url: registry.example.com:5000/team
services:
  api:
    dockerfile: docker/api/Dockerfile
    buildArgs: { BASE_IMAGE: node:24-alpine }
  worker:
    dockerfile: docker/worker/Dockerfile
environments:
  staging:
    droplets:
      static:
        - { name: web-1, host: 10.0.0.5 }
    ssh:
      key: keys/deploy
    registry:
      url: registry.staging.example.com
`;

let dir: { path: string; remove: () => Promise<void> };
let stderr: TextCapture;

async function run(options: Partial<BuildOptions>, env: Record<string, string> = {}) {
  const docker = new GitRealDockerRecorded();
  stderr = new TextCapture();
  const ctx = createCommandContext({
    cwd: dir.path,
    env,
    stdout: new TextCapture(),
    stderr,
    executors: { createLocalExecutor: () => docker },
  });
  const result = await build(ctx, {
    service: undefined,
    version: undefined,
    noCache: false,
    ...options,
  });
  return { result, docker };
}

beforeEach(async () => {
  dir = await makeTempDir('opsctl-build-');
  await writeFile(join(dir.path, 'opsctl.yaml'), CONFIG);
  await writeFile(join(dir.path, '.gitignore'), '.env.*\n');
  for (const service of ['api', 'worker']) {
    await mkdir(join(dir.path, 'docker', service), { recursive: true });
    await writeFile(
      join(dir.path, 'docker', service, 'Dockerfile'),
      service === 'api'
        ? 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nARG GIT_SHA\nARG VERSION\nARG EXTRA_CA_CERTS=""\n'
        : 'FROM scratch\n',
    );
  }
});
afterEach(async () => {
  await dir.remove();
});

const argValue = (argv: readonly string[], flag: string): string[] =>
  argv.flatMap((word, i) => (argv[i - 1] === flag ? [word] : []));

describe('opsctl build (real git repository, docker recorded)', () => {
  it('builds every service into the default environment’s registry under the commit, version, latest and branch tags', async () => {
    const sha = await initRepo(dir.path);
    await git(dir.path, 'tag', 'v2.1.0');
    const { result, docker } = await run({});
    const repo = 'registry.staging.example.com';
    expect(result).toMatchObject({ sha, dirty: false });
    expect(result.images.map((i) => i.service)).toEqual(['api', 'worker']);
    expect(result.images[0]?.tags).toEqual([
      `${repo}/api:${sha.slice(0, 12)}`,
      `${repo}/api:v2.1.0`,
      `${repo}/api:latest`,
      `${repo}/api:main`,
    ]);
    expect(result.images[0]?.imageId).toBe(`sha256:${'1'.repeat(64)}`);
    const apiBuild = docker.docker[0] ?? [];
    expect(apiBuild.slice(0, 4)).toEqual(['env', 'DOCKER_BUILDKIT=1', 'docker', 'build']);
    expect(argValue(apiBuild, '--label')).toContain(`org.opencontainers.image.revision=${sha}`);
    expect(argValue(apiBuild, '--build-arg')).toEqual([
      'BASE_IMAGE=node:24-alpine',
      `GIT_SHA=${sha}`,
      'VERSION=2.1.0',
    ]);
    expect(argValue(docker.docker[1] ?? [], '--build-arg')).toEqual([]);
  });

  it('uses the top-level registry when no environment is named', async () => {
    await writeFile(
      join(dir.path, 'opsctl.yaml'),
      CONFIG.replace('defaultEnvironment: staging\n', ''),
    );
    await initRepo(dir.path);
    const { result } = await run({ service: 'worker' });
    expect(result.images[0]?.tags[0]).toMatch(
      /^registry\.example\.com:5000\/team\/worker:[0-9a-f]{12}$/,
    );
  });

  it('lets --version name the version and --build-arg and OPSCTL_BUILD_ARG_* override opsctl.yaml', async () => {
    await initRepo(dir.path);
    const { result, docker } = await run(
      { service: 'api', version: '3.0.0-rc.1', buildArgs: ['EXTRA=1'] },
      { OPSCTL_BUILD_ARG_BASE_IMAGE: 'opsctl-local/node:24' },
    );
    expect(result.images[0]?.tags[1]).toBe('registry.staging.example.com/api:v3.0.0-rc.1');
    expect(argValue(docker.docker[0] ?? [], '--build-arg')).toEqual(
      expect.arrayContaining(['BASE_IMAGE=opsctl-local/node:24', 'EXTRA=1', 'VERSION=3.0.0-rc.1']),
    );
  });

  it('hands the PEM file named by NODE_EXTRA_CA_CERTS to a Dockerfile that declares EXTRA_CA_CERTS', async () => {
    await initRepo(dir.path);
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    await writeFile(join(dir.path, '.env.ca'), pem); // ignored by git, so the tree stays clean
    const { docker } = await run(
      { service: 'api' },
      { NODE_EXTRA_CA_CERTS: join(dir.path, '.env.ca') },
    );
    expect(argValue(docker.docker[0] ?? [], '--build-arg')).toContain(
      `EXTRA_CA_CERTS=${pem.trim()}`,
    );
  });

  it('builds a dirty tree as <sha>-dirty only, with a warning, outside CI', async () => {
    const sha = await initRepo(dir.path);
    await writeFile(join(dir.path, 'scratch.txt'), 'wip\n');
    const { result } = await run({ service: 'api' });
    expect(result.dirty).toBe(true);
    expect(result.images[0]?.tags).toEqual([
      `registry.staging.example.com/api:${sha.slice(0, 12)}-dirty`,
    ]);
    expect(stderr.text).toContain('uncommitted changes');
  });

  it('refuses a dirty tree in CI, listing the changes, and builds nothing', async () => {
    await initRepo(dir.path);
    await writeFile(join(dir.path, 'scratch.txt'), 'wip\n');
    const error = await run({}, { CI: 'true' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpsctlError);
    expect(error).toMatchObject({ code: 'BUILD_DIRTY_TREE', exitCode: 2 });
    expect((error as Error).message).toContain('?? scratch.txt');
  });

  it('refuses an unknown service and a malformed --version before building anything', async () => {
    await initRepo(dir.path);
    await expect(run({ service: 'nope' })).rejects.toMatchObject({ code: 'SERVICE_UNKNOWN' });
    await expect(run({ version: '1.2' })).rejects.toMatchObject({
      code: 'BUILD_VERSION_INVALID',
      exitCode: 2,
    });
  });

  it('says how to get BuildKit when the docker CLI lacks it', async () => {
    await initRepo(dir.path);
    const docker = new GitRealDockerRecorded(() => ({
      exitCode: 1,
      stderr: 'ERROR: BuildKit is enabled but the buildx component is missing or broken.\n',
    }));
    const ctx = createCommandContext({
      cwd: dir.path,
      env: {},
      stdout: new TextCapture(),
      stderr: new TextCapture(),
      executors: { createLocalExecutor: () => docker },
    });
    await expect(
      build(ctx, { service: 'worker', version: undefined, noCache: false }),
    ).rejects.toMatchObject({
      code: 'BUILDKIT_UNAVAILABLE',
    });
  });
});
