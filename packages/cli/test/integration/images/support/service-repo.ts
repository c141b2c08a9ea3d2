import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { stateDir } from '../../support/paths.js';
import { DO_REGISTRY_NAME, localValues, REGISTRY_URL } from './local-environment.js';

const SERVER = `const http = require('node:http');
const release = require('node:fs').readFileSync(__dirname + '/release.txt', 'utf8').trim();
http
  .createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(req.url === '/health' ? 'ok ' + release : 'not found');
  })
  .listen(Number(process.env.PORT || 3000));
process.on('SIGTERM', () => process.exit(0));
`;

const DOCKERFILE = `ARG BASE_IMAGE=opsctl-local/node:24
FROM \${BASE_IMAGE}
WORKDIR /app
COPY server.js release.txt ./
ARG GIT_SHA=unknown
ENV APP_GIT_SHA=\${GIT_SHA}
USER 1000:1000
CMD ["node", "server.js"]
`;

/** opsctl.yaml of a project with one small service, on the local environment. */
export function serviceConfig(service: string, overrides: { registryUrl?: string } = {}): string {
  return `project: images-test
defaultEnvironment: local
services:
  ${service}:
    dockerfile: Dockerfile
    port: 3000
    buildArgs: { BASE_IMAGE: opsctl-local/node:24 }
environments:
  local:
    droplets:
      static:
        - { name: droplet-1, host: 127.0.0.1, sshPort: 2221 }
        - { name: droplet-2, host: 127.0.0.1, sshPort: 2222 }
    registry:
      url: ${overrides.registryUrl ?? REGISTRY_URL}
      username: opsctl
      passwordEnv: OPSCTL_REGISTRY_PASSWORD
      caFile: ${join(stateDir, 'pki', 'ca.crt')}
    ssh:
      user: deploy
      key: ${join(stateDir, 'deploy_key')}
      knownHosts: ${join(stateDir, 'known_hosts')}
`;
}

/** A git repository in a temp dir holding one service, as a user's project would. */
export interface ServiceRepo {
  readonly dir: string;
  readonly service: string;
  /** `registry.opsctl.local:5443/opsctl-local/<service>`. */
  readonly repository: string;
  /** Changes the service and commits; returns the new full SHA. */
  commit(message: string): Promise<string>;
  git(...args: string[]): Promise<string>;
  remove(): Promise<void>;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/**
 * A fresh service (name unique per run, so runs never share images) with its own .env.local:
 * the registry password, and the DigitalOcean stand-in that manages the local registry.
 */
export async function createServiceRepo(prefix: string): Promise<ServiceRepo> {
  const service = `${prefix}-${randomBytes(4).toString('hex')}`;
  const dir = await mkdtemp(join(tmpdir(), `opsctl-${prefix}-`));
  const git = async (...args: string[]): Promise<string> =>
    (await execa('git', args, { cwd: dir, env: GIT_ENV })).stdout.trim();
  const { password, apiUrl, token } = localValues();
  await writeFile(join(dir, 'opsctl.yaml'), serviceConfig(service));
  await writeFile(join(dir, 'Dockerfile'), DOCKERFILE);
  await writeFile(join(dir, 'server.js'), SERVER);
  await writeFile(join(dir, 'release.txt'), 'release 0\n');
  await writeFile(join(dir, '.gitignore'), '.env.*\n');
  await writeFile(
    join(dir, '.env.local'),
    [
      `OPSCTL_REGISTRY_PASSWORD=${password}`,
      `DIGITALOCEAN_API_URL=${apiUrl}`,
      `DIGITALOCEAN_TOKEN=${token}`,
      `DIGITALOCEAN_REGISTRY=${DO_REGISTRY_NAME}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  await git('init', '--quiet', '--initial-branch', 'main');
  await git('add', '-A');
  await git('commit', '--quiet', '-m', 'service');
  let n = 0;
  return {
    dir,
    service,
    repository: `${REGISTRY_URL}/${service}`,
    git,
    commit: async (message) => {
      n += 1;
      await writeFile(join(dir, 'release.txt'), `release ${n}: ${message}\n`);
      await git('commit', '--quiet', '-am', message);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
