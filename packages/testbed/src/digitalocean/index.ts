export { startDigitalOceanStandIn } from './stand-in.js';
export type { DigitalOceanStandIn, RecordedRequest } from './stand-in.js';
export type { DigitalOceanStandInOptions } from './stand-in-options.js';
export type { FaultSpec } from './fault-queue.js';
export type { RegistryBackend } from './registry-backend.js';
export type {
  AlertPolicySeed,
  DropletProvider,
  DropletSeed,
  LoadBalancerHook,
  LoadBalancerSeed,
} from './seeds.js';
export { startContractProxy } from './contract-proxy.js';
export type { ContractProxy, ContractProxyOptions } from './contract-proxy.js';
export { DIGITALOCEAN_CONTRACT, digitalOceanContract } from './contract-file.js';
export type { ContractLookup } from './contract-file.js';
export type { GarbageCollection, GarbageCollectionStatus } from './garbage-collector.js';
export { localRegistryBackend } from './local-registry-backend.js';
