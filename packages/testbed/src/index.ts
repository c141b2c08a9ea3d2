export * from './digitalocean/index.js';
export * from './registry-api/index.js';
export * from './github/index.js';
export * from './vercel/index.js';
export { up as localUp, down as localDown } from './local/environment.js';
export type { UpOptions, DownOptions } from './local/environment.js';
export { localStatus } from './local/status.js';
export type { LocalStatus, DropletStatus } from './local/status.js';
export { localEnvironmentVariables } from './local/service-env.js';
export { localLayout } from './local/layout.js';
export { startLoad, transitions } from './load/load-generator.js';
export type { LoadOptions, LoadReport, Answer, RunningLoad } from './load/load-generator.js';
export { abnormalRequests, backendStates, waitForAllDropletsUp } from './local/load-balancer.js';
export { buildApiRelease, fakeSha } from './fixtures/api-release.js';
export type { ApiReleaseOptions } from './fixtures/api-release.js';
export { LOCAL_NODE_IMAGE } from './local/images.js';
export { ownEngineArgs } from './local/droplets.js';
export {
  LOCAL_DROPLET_TAGS,
  LOCAL_LOAD_BALANCER_ID,
  LOCAL_REGISTRY_NAME,
} from './local/cloud-api-wiring.js';
