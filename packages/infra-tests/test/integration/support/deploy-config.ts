import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { repoRoot } from '../../support/paths.js';
import type { BareDroplet } from './bare-droplet.js';
import { LOCAL_REGISTRY, LOCAL_REGISTRY_CA } from './local-environment.js';

export const PROVISIONED_ENV = 'provisioned';

/** Secrets the CLI reads from `.env.<environment>` beside the configuration file. */
export interface DeploySecrets {
  OPSCTL_REGISTRY_PASSWORD: string;
  DATABASE_URL: string;
  REDIS_URL: string;
  /** The datastores' CAs (PEM, several lines). */
  DATABASE_CA_CERT: string;
  REDIS_CA_CERT: string;
}

/** A `.env` line whose value may span lines (a PEM): single quotes keep every character. */
function dotEnvLine(name: string, value: string): string {
  if (value.includes("'")) throw new TypeError(`${name} holds a single quote`);
  return `${name}='${value}'\n`;
}

/**
 * Writes into `dir` an opsctl.yaml with one environment, `provisioned`, whose only droplet is the
 * provisioned one (reached as `deploy` with the key the playbook authorized, its host key pinned),
 * its `.env.provisioned` (0600) and known_hosts. Returns the configuration file's path.
 */
export async function writeDeployConfig(
  dir: string,
  droplet: BareDroplet,
  secrets: DeploySecrets,
): Promise<string> {
  const hostKey = (await readFile(`${droplet.hostKey}.pub`, 'utf8')).trim();
  const knownHosts = join(dir, 'known_hosts');
  await writeFile(knownHosts, `[127.0.0.1]:${String(droplet.sshPort)} ${hostKey}\n`);
  await writeFile(
    join(dir, `.env.${PROVISIONED_ENV}`),
    Object.entries(secrets)
      .map(([name, value]) => dotEnvLine(name, String(value)))
      .join(''),
    { mode: 0o600 },
  );
  const config = {
    project: 'opsctl',
    registry: { url: LOCAL_REGISTRY },
    services: {
      api: {
        dockerfile: 'infrastructure/docker/api/Dockerfile',
        context: repoRoot,
        port: 3000,
        healthPath: '/health',
        preDeploy: ['node', 'dist/migrate.js'],
        env: { SHUTDOWN_DRAIN_DELAY_MS: '0' },
      },
    },
    environments: {
      [PROVISIONED_ENV]: {
        droplets: {
          static: [{ name: 'provisioned-1', host: '127.0.0.1', sshPort: droplet.sshPort }],
        },
        registry: {
          url: LOCAL_REGISTRY,
          username: 'opsctl',
          passwordEnv: 'OPSCTL_REGISTRY_PASSWORD',
          caFile: LOCAL_REGISTRY_CA,
        },
        ssh: { user: 'deploy', key: droplet.deployKey, knownHosts },
        // The droplet's own nginx stands in for the load balancer in the smoke test.
        loadBalancer: { url: `http://127.0.0.1:${String(droplet.httpPort)}` },
        deploy: {
          healthTimeout: '60s',
          healthInterval: '250ms',
          drainTimeout: '10s',
          lockTtl: '5m',
          smoke: { paths: ['/health'], versionPath: '/version' },
        },
        envFile: '/etc/opsctl/env/{service}.env',
        secrets: [
          { name: 'DATABASE_URL', targets: ['droplets'] },
          { name: 'REDIS_URL', targets: ['droplets'] },
          { name: 'DATABASE_CA_CERT', targets: ['droplets'] },
          { name: 'REDIS_CA_CERT', targets: ['droplets'] },
        ],
      },
    },
  };
  const path = join(dir, 'opsctl.yaml');
  await writeFile(path, stringify(config));
  return path;
}
