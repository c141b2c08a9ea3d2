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
  LOCAL_LOAD_BALANCER_ID,
  LOCAL_VERCEL_PROJECT,
  localDroplets,
  localRegistryBackend,
} from '../local/cloud-api-wiring.js';
import { keyPaths } from '../local/keys.js';
import { localLayout } from '../local/layout.js';

/**
 * The cloud API stand-ins of the local environment, run as one detached process by `local up`:
 * DigitalOcean's, GitHub's Actions secrets and Vercel's project variables. With `--contract FILE`
 * (the test suites give it) DigitalOcean's sits behind Prism, which checks every request and
 * response against that API description; a user's checkout has no such file and needs none.
 * Stopped by SIGTERM from `local down`, it closes what it started.
 */
const { values } = parseArgs({
  options: {
    'state-dir': { type: 'string' },
    droplets: { type: 'string' },
    contract: { type: 'string' },
  },
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
      id: LOCAL_LOAD_BALANCER_ID,
      name: 'opsctl-local-lb',
      ip: '127.0.0.1',
      dropletIds: layout.droplets.map((_, i) => 1001 + i),
      healthCheckPath: '/health',
    },
  ],
  log: ctx.log,
});
const contract = values.contract;
const proxy =
  contract === undefined
    ? undefined
    : await startContractProxy({ upstream: digitalocean.url, contractPath: contract });
const doApi = proxy?.url ?? digitalocean.url;
digitalocean.setPublicUrl(doApi);
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
      doApi,
      doStandIn: digitalocean.url,
      ...(proxy === undefined ? {} : { prismPid: proxy.pid }),
      dropletTag: LOCAL_DROPLET_TAGS[0],
      githubApi: github.url,
      vercelApi: vercel.url,
    },
    null,
    2,
  ),
);
ctx.log(
  proxy === undefined
    ? `DigitalOcean API stand-in at ${digitalocean.url} (not contract-checked: no --contract given)`
    : `DigitalOcean API stand-in at ${digitalocean.url}, contract-checked at ${proxy.url} (Prism ready in ${Math.round(proxy.startupMs)} ms)`,
);
ctx.log(`GitHub API stand-in at ${github.url}, Vercel API stand-in at ${vercel.url}`);

let closing = false;
const shutdown = async (): Promise<void> => {
  if (closing) return;
  closing = true;
  await proxy?.close();
  await digitalocean.close();
  await github.close();
  await vercel.close();
  registry.client.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
