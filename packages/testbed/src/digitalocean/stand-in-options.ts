import type { RegistryBackend } from './registry-backend.js';
import type {
  AlertPolicySeed,
  DropletProvider,
  LoadBalancerHook,
  LoadBalancerSeed,
} from './seeds.js';

export interface DigitalOceanStandInOptions {
  /** The only bearer token accepted. */
  readonly token: string;
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  readonly port?: number;
  /** Without one, registry endpoints answer 404 as for an account with no registry. */
  readonly registry?: RegistryBackend;
  readonly droplets?: DropletProvider;
  readonly loadBalancers?: readonly LoadBalancerSeed[];
  /** Applies load balancer backend changes for real; by default they are only remembered. */
  readonly onLoadBalancerChange?: LoadBalancerHook;
  readonly alertPolicies?: readonly AlertPolicySeed[];
  /** Requests per hour before 429s (DigitalOcean's is 5,000). */
  readonly rateLimitPerHour?: number;
  /** Where errors that have no HTTP answer go (a failed garbage collection run). */
  readonly log?: (line: string) => void;
}
