import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startContractProxy, startDigitalOceanStandIn } from '../digitalocean/index.js';
import { startGitHubStandIn } from '../github/index.js';
import { startVercelStandIn } from '../vercel/index.js';
import { cloudApisReadyFile } from '../local/cloud-apis.js';
import { ensureCredentials } from '../local/credentials.js';
import {
  LOCAL_DROPLET_TAGS,
  LOCAL_GITHUB_ENVIRONMENTS,
  LOCAL_GITHUB_REPOSITORY,
  LOCAL_VERCEL_PROJECT,
  localDroplets,
  localRegistryBackend,
} from '../local/cloud-api-wiring.js';
import { keyPaths } from '../local/keys.js';
import { localLayout } from '../local/layout.js';

/**
 * The cloud API stand-ins of the local environment, run as one detached process by `local up`:
 * DigitalOcean's (behind Prism, which checks every request and response against the official
 * description), GitHub's Actions secrets and Vercel's project variables. Stopped by SIGTERM from
 * `local down`, it closes what it started.
 */
const { values } = parseArgs({
  options: { 'state-dir': { type: 'string' }, droplets: { type: 'string' } },
});
const stateDir = values['state-dir'];
if (stateDir === undefined) throw new Error('--state-dir is required');
const layout = localLayout(Number(values.droplets ?? '2'));
const credentials = await ensureCredentials(stateDir);
const ctx = {
  layout,
  stateDir,
  keys: keyPaths(stateDir),
  credentials,
  imagesDir: '',
  log: (line: string) => {
    process.stdout.write(`${line}\n`);
  },
};
const registry = await localRegistryBackend(ctx);
const digitalocean = await startDigitalOceanStandIn({
  token: credentials.doToken,
  port: layout.doStandInPort,
  registry,
  droplets: localDroplets(ctx),
  loadBalancers: [
    {
      id: '4de7ac8b-495b-4884-9a69-1050c6793cd6',
      name: 'opsctl-local-lb',
      ip: '127.0.0.1',
      dropletIds: layout.droplets.map((_, i) => 1001 + i),
      healthCheckPath: '/health',
    },
  ],
  log: ctx.log,
});
const proxy = await startContractProxy({ upstream: digitalocean.url });
digitalocean.setPublicUrl(proxy.url);
const github = await startGitHubStandIn({
  token: credentials.githubToken,
  repositories: [{ name: LOCAL_GITHUB_REPOSITORY, environments: [...LOCAL_GITHUB_ENVIRONMENTS] }],
  log: ctx.log,
});
const vercel = await startVercelStandIn({
  token: credentials.vercelToken,
  projects: [LOCAL_VERCEL_PROJECT],
  log: ctx.log,
});
await writeFile(
  cloudApisReadyFile(stateDir),
  JSON.stringify(
    {
      doApi: proxy.url,
      doStandIn: digitalocean.url,
      prismPid: proxy.pid,
      dropletTag: LOCAL_DROPLET_TAGS[0],
      githubApi: github.url,
      vercelApi: vercel.url,
    },
    null,
    2,
  ),
);
ctx.log(
  `DigitalOcean API stand-in at ${digitalocean.url}, contract-checked at ${proxy.url} (Prism ready in ${Math.round(proxy.startupMs)} ms)`,
);
ctx.log(`GitHub API stand-in at ${github.url}, Vercel API stand-in at ${vercel.url}`);

let closing = false;
const shutdown = async (): Promise<void> => {
  if (closing) return;
  closing = true;
  await proxy.close();
  await digitalocean.close();
  await github.close();
  await vercel.close();
  registry.client.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
