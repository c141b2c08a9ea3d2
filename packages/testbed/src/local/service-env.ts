import { readFile } from 'node:fs/promises';
import { ensureCredentials } from './credentials.js';
import { POSTGRES_PORT, REDIS_PORT, postgresFiles, redisFiles } from './datastore-files.js';
import {
  DATABASE_NAME,
  DATABASE_OWNER,
  DATABASE_USER,
  networkAddress,
  postgresContainer,
  redisContainer,
} from './datastores.js';
import { keyPaths } from './keys.js';
import { localLayout } from './layout.js';
import { readCloudApis } from './cloud-apis.js';
import { LOCAL_REGISTRY_NAME } from './cloud-api-wiring.js';
import { readState } from './state.js';

/**
 * The variables opsctl needs to use the local environment as it would a real one: the registry
 * password, the DigitalOcean, GitHub and Vercel API stand-ins, the key secret fingerprints are
 * made with, and the service's database and cache. Addresses are those on the environment's own
 * network, where the droplets' containers reach them. The GitHub and Vercel settings use the
 * OPSCTL_ names, which win over GITHUB_API_URL and VERCEL_TOKEN: GitHub Actions sets
 * GITHUB_API_URL for every job, and the local environment must never reach the real APIs.
 */
export async function localEnvironmentVariables(stateDir: string): Promise<Record<string, string>> {
  const state = await readState(stateDir);
  if (state === undefined) throw new Error('the local environment is not up (run opsctl local up)');
  const credentials = await ensureCredentials(stateDir);
  const ctx = {
    layout: localLayout(state.droplets),
    stateDir,
    keys: keyPaths(stateDir),
    credentials,
    imagesDir: '',
    log: () => undefined,
  };
  const [pg, redis, cloud, postgresCa, redisCa] = await Promise.all([
    networkAddress(ctx, postgresContainer(ctx)),
    networkAddress(ctx, redisContainer(ctx)),
    readCloudApis(stateDir),
    readFile(postgresFiles(stateDir).ca.cert, 'utf8'),
    readFile(redisFiles(stateDir).ca.cert, 'utf8'),
  ]);
  const password = encodeURIComponent(credentials.postgresPassword);
  return {
    OPSCTL_REGISTRY_PASSWORD: credentials.registryPassword,
    DIGITALOCEAN_API_URL: cloud?.doApi ?? '',
    DIGITALOCEAN_TOKEN: credentials.doToken,
    // The local registry is the DigitalOcean registry of this name behind the API stand-in: the
    // `local` environment names it in opsctl.yaml; projects with a `url` registry at
    // registry.opsctl.local:5443/opsctl-local name it here, so retention can garbage-collect.
    DIGITALOCEAN_REGISTRY: LOCAL_REGISTRY_NAME,
    // Where the stand-in's registry is (registry.digitalocean.com for a real one), and the CA
    // its certificate comes from, trusted by opsctl besides the public ones.
    DIGITALOCEAN_REGISTRY_HOST: `${ctx.layout.registryHost}:${ctx.layout.registryPort}`,
    DIGITALOCEAN_REGISTRY_CA: ctx.keys.caCert,
    OPSCTL_GITHUB_API_URL: cloud?.githubApi ?? '',
    OPSCTL_GITHUB_TOKEN: credentials.githubToken,
    OPSCTL_VERCEL_API_URL: cloud?.vercelApi ?? '',
    OPSCTL_VERCEL_TOKEN: credentials.vercelToken,
    OPSCTL_FINGERPRINT_KEY: credentials.fingerprintKey,
    // As Terraform's outputs give them for a managed cluster, and with the clusters' CAs (as
    // the digitalocean_database_ca data source gives them), delivered to the droplets alike.
    DATABASE_URL: `postgresql://${DATABASE_USER}:${password}@${pg}:${POSTGRES_PORT}/${DATABASE_NAME}?sslmode=require`,
    REDIS_URL: `rediss://default:${encodeURIComponent(credentials.redisPassword)}@${redis}:${REDIS_PORT}`,
    // The owner's, as Terraform's admin_database_url: for the grants and backup playbooks.
    OPSCTL_ADMIN_DATABASE_URL: `postgresql://${DATABASE_OWNER}:${encodeURIComponent(credentials.doadminPassword)}@${pg}:${POSTGRES_PORT}/defaultdb?sslmode=require`,
    DATABASE_CA_CERT: postgresCa,
    REDIS_CA_CERT: redisCa,
  };
}
